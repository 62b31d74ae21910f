"""Short releases in the real meetings-coverage format, for the delivery tests.

FICTIONAL CONTENT written for briefgen's tests: meetings, speakers and sentences are invented
(only country names are real, so that delegations resolve).  Each release gets its own meeting
number and symbol, so that notes from several releases never share a file name.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = """\
{number}e séance – matin
CS/{number}

Conseil de sécurité : débat fictif n° {n} sur la gestion des eaux du fleuve Arcadie

Le Conseil de sécurité a examiné ce matin la situation fictive le long du fleuve Arcadie, \
où la construction d’un barrage a suscité des tensions entre pays riverains.

Déclarations

M. JEAN MARTIN (France) a appelé les parties à reprendre le dialogue sur le partage des \
eaux. Il a annoncé une aide de {n}2 millions d’euros pour la surveillance du fleuve.

M. JOHN SMITH (Royaume-Uni) s’est inquiété des conséquences du barrage pour \
{n}0 000 agriculteurs. Il a demandé une enquête indépendante sur les inondations.

M. IVAN PETROV (Fédération de Russie) a rejeté toute ingérence extérieure dans la gestion \
du fleuve. Il a salué l’accord régional conclu par les pays riverains.

À l’intention des organes d’information. Document non officiel.
"""

NOT_A_RELEASE = "Liste de courses fictive : du pain, du lait et des pommes.\n"


def release_text(n: int = 1) -> str:
    return TEMPLATE.format(n=n, number=99900 + n)


def symbol_name(n: int = 1) -> str:
    """The output stem of release `n`: CS/99901 -> CS-99901."""
    return f"CS-{99900 + n}"


def release_html(n: int = 1) -> str:
    """The same release as a saved web page: one <p> per paragraph, inside page chrome."""
    from html import escape

    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in release_text(n).split("\n\n"))
    return (f"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>CS/{99900 + n}"
            f"</title></head><body><nav><a href=\"/\">Accueil</a></nav><main><article>"
            f"{paragraphs}</article></main><footer>Pied de page</footer></body></html>\n")


def write_release(path: Path, n: int = 1, *, html: bool = False) -> Path:
    path.write_text(release_html(n) if html else release_text(n), encoding="utf-8")
    return path

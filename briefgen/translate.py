"""Machine translation of the note's selected sentences, behind one small Protocol.

Only what the note shows is translated (key points, summaries, positions), sentence by
sentence: cheaper than translating the release and easier to check.  A translation that
changes a number, or that loops (`the the the`), is not used: the original text is returned
unchanged, and the caller (compose) treats an output equal to its input as untranslated, so
the note marks it as original-language text instead of passing off a wrong figure.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Sequence
from typing import Protocol

from . import models
from .errors import BriefgenError
from .settings import Settings

log = logging.getLogger(__name__)


class Translator(Protocol):
    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """One translation per text, in order.  A text returned unchanged was not translated
        (same language, or its translation was rejected)."""
        ...


# Name -> "module:Class"; built with the run's Settings.  "none" means no translator.
TRANSLATORS: dict[str, str] = {"marian": "briefgen.translate:MarianTranslator"}

# The opus-mt family names one model per direction.
MARIAN_DEFAULT = "Helsinki-NLP/opus-mt-{source}-{target}"
OPTION = "--translator-model"
TOKENS_PER_INPUT_TOKEN = 2  # output budget: French runs ~15% longer than English; keep slack

_NUMBER = re.compile(r"\d[\d\s.,\u00a0\u202f]*\d|\d")


def get_translator(settings: Settings) -> Translator | None:
    """The backend named by `settings.translator`, imported only now; None for "none"."""
    if settings.translator == "none":
        return None
    target = TRANSLATORS.get(settings.translator)
    if target is None:
        raise BriefgenError(f"unknown translator {settings.translator!r}; "
                            f"choose from none, {', '.join(TRANSLATORS)}")
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)(settings)


def numbers(text: str) -> list[str]:
    """The text's numbers as digit strings, whatever the separators: `3 800`, `3,800` and
    `3800` are one number; `2,5` and `2.5` too."""
    return [re.sub(r"\D", "", match) for match in _NUMBER.findall(text)]


def keeps_numbers(original: str, translation: str) -> bool:
    return sorted(numbers(original)) == sorted(numbers(translation))


class MarianTranslator:
    """Translator over a local Marian (opus-mt) model, or any seq2seq translation model."""

    def __init__(self, settings: Settings):
        self.settings = settings
        if settings.translator_model:
            models.resolve(settings.translator_model, OPTION)  # fail before the summaries
        models.require_torch()

    def model_for(self, source: str, target: str) -> str:
        """The configured model, else the opus-mt model of this direction."""
        return self.settings.translator_model or MARIAN_DEFAULT.format(source=source,
                                                                       target=target)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        from .sentences import split_sentences

        if source == target or not texts:
            return list(texts)
        name = self.model_for(source, target)
        models.resolve(name, OPTION)
        loaded = models.load(name, self.settings.device)
        def length(text: str) -> int:
            return loaded.token_lengths([text])[0]

        # Sentence by sentence; a sentence beyond the model's input is cut between words.
        split = [[part for sentence in split_sentences(text, source) or [text]
                  for part in models.fit(sentence, length, loaded.max_input)] for text in texts]
        unique = list(dict.fromkeys(s for sentences in split for s in sentences))
        outputs = models.generate(loaded, unique,
                                  lambda longest: min(loaded.max_input,
                                                      TOKENS_PER_INPUT_TOKEN * longest + 8))
        done = {s: t for s, t in zip(unique, outputs)
                if t and keeps_numbers(s, t) and not models.looping(t)}
        log.info("translator %s: %d sentences %s->%s, %d kept in the original (numbers changed, "
                 "looping or empty output)", name, len(unique), source, target,
                 len(unique) - len(done))
        return [_join(done, sentences, text) for sentences, text in zip(split, texts)]


def _join(done: dict[str, str], sentences: Sequence[str], text: str) -> str:
    """A text's translated sentences, or the text itself unless every sentence translated:
    a half-translated bullet would read as a translation and hide the untranslated part."""
    if all(s in done for s in sentences):
        return " ".join(done[s] for s in sentences)
    return text

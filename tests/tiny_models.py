"""Tiny real models for the neural tests, built here instead of downloaded.

A sentencepiece model is trained on a few hundred sentences (the shared corpus when it is
there, else the fictional sentences below), then a random T5 summarizer and a random Marian
translator are built from small configs and saved with `save_pretrained`, exactly as a real
model folder is laid out.  Random weights write nonsense: that is what the faithfulness guard
must catch.  Building both takes a few seconds; `build_all` does it once per test session.

FICTIONAL CONTENT: the built-in sentences are invented for briefgen's tests.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

MAX_INPUT = 128  # tokens: small, so that a statement of a few sentences must be chunked
VOCAB = 400

# Fictional sentences in both languages (the subjects are invented; names are made up).
_BASE = [
    "The representative of Arcadia said the canal talks had reached a turning point.",
    "She urged all parties to reopen the sluice gates without conditions.",
    "He expressed concern about the unilateral dam and called for an inquiry.",
    "The delegate welcomed the water-sharing agreement signed last month.",
    "They rejected any outside interference in the management of the canal.",
    "The mission observed 12 incidents along the border during the reporting period.",
    "Humanitarian access must be guaranteed for the 3 800 displaced families.",
    "The Council should support regional mediation and a joint monitoring mechanism.",
    "Le représentant de l'Arcadie a déclaré que les négociations étaient à un tournant.",
    "Elle a exhorté toutes les parties à rouvrir les vannes sans condition.",
    "Il s'est inquiété du barrage unilatéral et a demandé une enquête indépendante.",
    "La déléguée a salué l'accord de partage des eaux signé le mois dernier.",
    "Ils ont rejeté toute ingérence extérieure dans la gestion du canal.",
    "La mission a constaté 12 incidents le long de la frontière pendant la période.",
    "L'accès humanitaire doit être garanti aux 3 800 familles déplacées.",
    "Le Conseil doit appuyer la médiation régionale et un mécanisme conjoint.",
]
_DECOR = ["In addition, ", "Moreover, ", "Par ailleurs, ", "En outre, ", "", ""]


def fictional_sentences() -> list[str]:
    """A few hundred varied sentences from the fictional base (prefixes, numbers)."""
    return [f"{_DECOR[i % len(_DECOR)]}{s} ({i})" for i in range(20) for s in _BASE]


def training_sentences(corpus: Path | None = None, limit: int = 600) -> list[str]:
    """Sentences of the shared corpus when present (real vocabulary), else fictional ones."""
    files = sorted(corpus.glob("*.txt")) if corpus and corpus.is_dir() else []
    found = [s.strip() for f in files for s in re.split(r"(?<=[.!?»])\s+",
                                                        f.read_text(encoding="utf-8"))
             if 20 <= len(s.strip()) <= 400]
    return (found[:limit] if len(found) >= 200 else []) + fictional_sentences()


def train_sentencepiece(sentences: list[str], path: Path) -> Path:
    """Unigram model with T5/Marian's special ids: pad 0, eos 1, unk 2, no bos."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences), model_writer=buffer, vocab_size=VOCAB,
        model_type="unigram", pad_id=0, eos_id=1, unk_id=2, bos_id=-1,
        character_coverage=1.0, hard_vocab_limit=False, minloglevel=2)
    path.write_bytes(buffer.getvalue())
    return path


def build_t5(spm_path: Path, folder: Path) -> Path:
    """Random T5 summarizer with a fast (tokenizers) T5 tokenizer from the spm vocabulary,
    which is what transformers 5 saves for T5 (tokenizer.json)."""
    import sentencepiece as spm
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    tokenizer = T5Tokenizer(vocab=vocab, extra_ids=0, model_max_length=MAX_INPUT)
    torch.manual_seed(0)
    config = T5Config(vocab_size=len(vocab), d_model=32, d_ff=64, d_kv=8, num_heads=4,
                      num_layers=1, num_decoder_layers=1, pad_token_id=0, eos_token_id=1,
                      decoder_start_token_id=0,
                      task_specific_params={"summarization": {"prefix": "summarize: "}})
    model = T5ForConditionalGeneration(config)
    tokenizer.save_pretrained(folder)
    model.save_pretrained(folder)
    return folder


def build_marian(spm_path: Path, folder: Path) -> Path:
    """Random Marian translator: MarianTokenizer needs source.spm, target.spm and vocab.json."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("source.spm", "target.spm"):
        shutil.copy(spm_path, folder / name)
    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(str(folder / "source.spm"), str(folder / "target.spm"),
                                str(folder / "vocab.json"), model_max_length=MAX_INPUT)
    torch.manual_seed(0)
    config = MarianConfig(vocab_size=len(tokenizer), d_model=32, encoder_layers=1,
                          decoder_layers=1, encoder_attention_heads=2, decoder_attention_heads=2,
                          encoder_ffn_dim=64, decoder_ffn_dim=64,
                          max_position_embeddings=2 * MAX_INPUT,
                          pad_token_id=tokenizer.pad_token_id,
                          eos_token_id=tokenizer.eos_token_id,
                          decoder_start_token_id=tokenizer.pad_token_id,
                          forced_eos_token_id=tokenizer.eos_token_id)
    model = MarianMTModel(config)
    # Random weights loop on a few tokens and emit stray digits, which the translator rightly
    # rejects; forbidding repeats and digits gives loop-free, number-free nonsense, so that
    # accepted translations can be tested too.  (A real model carries its own settings.)
    model.generation_config.no_repeat_ngram_size = 1
    model.generation_config.suppress_tokens = [i for piece, i in vocab.items()
                                               if any(c.isdigit() for c in piece)]
    tokenizer.save_pretrained(folder)
    model.save_pretrained(folder)
    return folder


@dataclass(frozen=True)
class TinyModels:
    summarizer: Path  # T5 folder
    translator: Path  # Marian folder


_BUILT: dict[Path, TinyModels] = {}


def build_all(root: Path, corpus: Path | None = None) -> TinyModels:
    """Both models under `root`, built once per process whatever module asks first."""
    import warnings

    import torch
    from transformers.utils import logging as hf_logging

    # Models this small gain nothing from threads, and lose much when the cores are shared.
    torch.set_num_threads(1)
    if root not in _BUILT:
        root.mkdir(parents=True, exist_ok=True)
        hf_logging.disable_progress_bar()
        spm_path = train_sentencepiece(training_sentences(corpus), root / "tiny.spm")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # MarianTokenizer's advice to install sacremoses
            _BUILT[root] = TinyModels(build_t5(spm_path, root / "t5"),
                                      build_marian(spm_path, root / "marian"))
    return _BUILT[root]

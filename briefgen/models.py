"""Local sequence-to-sequence models: find, load, run, list, download, verify.

Everything here works offline.  A model is named by a local directory or by a Hugging Face id
already in the local cache; the name is resolved to a directory *before* transformers or torch
is imported, so a missing model fails in a fraction of a second with the command that fixes
it, and nothing is ever fetched implicitly.  Only `download` talks to the hub, and only when
the user asks for it.

torch and transformers are imported inside functions: importing this module is cheap, and the
default (extractive) path never pulls them in.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import logging
import math
import os
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BriefgenError

log = logging.getLogger(__name__)

# The models the docs recommend (docs/models.md), listed by `briefgen models list` so that a
# user sees at once what is missing and what to download.  role -> model ids.
RECOMMENDED: dict[str, tuple[str, ...]] = {
    "translator fr->en": ("Helsinki-NLP/opus-mt-fr-en",),
    "translator en->fr": ("Helsinki-NLP/opus-mt-en-fr",),
    "summarizer (en)": ("facebook/bart-large-cnn", "google/flan-t5-base"),
    "summarizer (fr)": ("moussaKam/barthez-orangesum-abstract",),
}

# Padded tokens per generate() call (inputs x longest input): bounded for memory, and large
# enough that many short inputs (sentences to translate) share one call.  Inputs are sorted
# by length first, so padding is small.
BATCH_TOKENS = {"cpu": 4096, "cuda": 32768}
MAX_BATCH = 64
DEVICES = ("auto", "cpu", "cuda")
DOWNLOAD_TIMEOUT_S = 10.0  # metadata request: the hub is either reachable or not; never hang
_UNBOUNDED = 100_000  # tokenizers report ~1e30 as model_max_length when they know no limit
_DEFAULT_MAX_INPUT = 512


def _fix_for(name: str, option: str) -> str:
    return (f"run `briefgen models download {name}` on a machine with internet, or pass a "
            f"directory with {option}")


# `name` or `org/name`, as on the hub; anything else that is not an existing folder is a path.
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[A-Za-z0-9][\w.-]*)?$")


def _looks_like_path(name: str) -> bool:
    return not _HUB_ID.match(name)


def cached_snapshot(model_id: str) -> Path | None:
    """The cache folder holding `model_id`'s files, if it was downloaded before."""
    from huggingface_hub import try_to_load_from_cache

    try:
        config = try_to_load_from_cache(model_id, "config.json")
    except ValueError:  # not a valid repo id
        return None
    return Path(config).parent if isinstance(config, str) else None


def resolve(name: str, option: str = "--summarizer-model / --translator-model") -> Path:
    """The local directory of model `name` (a directory or a cached hub id), or a one-line
    BriefgenError saying how to get it (`option` is the flag that takes a folder instead).
    Never touches the network."""
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise BriefgenError(f"{name} has no config.json: it is not a model saved with "
                                f"save_pretrained(); pass the model's own folder")
        return path
    if path.exists():
        raise BriefgenError(f"{name} is a file: pass the model's folder (with config.json)")
    if _looks_like_path(name):
        raise BriefgenError(f"model folder {name} not found: check the path, or pass a model "
                            f"id from `briefgen models list`")
    snapshot = cached_snapshot(name)
    if snapshot is None:
        raise BriefgenError(f"model {name!r} is not available locally: {_fix_for(name, option)}")
    return snapshot


def require_torch() -> None:
    if importlib.util.find_spec("torch") is None:
        raise BriefgenError("the neural backends need torch: pip install 'briefgen[neural]'")


def pick_device(device: str) -> str:
    """`auto` means the GPU when torch sees one; asking for cuda without one is an error,
    not a silent CPU run."""
    import torch

    if device not in DEVICES:
        raise BriefgenError(f"unknown device {device!r}; choose from {', '.join(DEVICES)}")
    cuda = torch.cuda.is_available()
    if device == "cuda" and not cuda:
        raise BriefgenError("--device cuda: torch sees no CUDA device here; "
                            "use --device cpu or --device auto")
    return "cuda" if device == "auto" and cuda else ("cpu" if device == "auto" else device)


@contextlib.contextmanager
def _offline() -> Iterator[None]:
    """HF_HUB_OFFLINE=1 for the duration of a load, as a second lock after local_files_only."""
    before = os.environ.get("HF_HUB_OFFLINE")
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("HF_HUB_OFFLINE", None)
        else:
            os.environ["HF_HUB_OFFLINE"] = before


def _quiet_transformers() -> None:
    """No progress bars or advisory warnings on the user's terminal: errors still surface."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def _first_line(exc: BaseException) -> str:
    """Library errors run to paragraphs; the user gets one line."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@dataclass(frozen=True)
class LoadedModel:
    name: str  # as the user gave it
    path: Path
    tokenizer: Any
    model: Any
    device: str
    max_input: int  # longest input, in tokens, the model accepts

    @property
    def parameters(self) -> int:
        return sum(p.numel() for p in self.model.parameters())

    def token_lengths(self, texts: Sequence[str]) -> list[int]:
        """Length of each text in tokens, special tokens included, without truncation."""
        if not texts:
            return []
        return [len(ids) for ids in self.tokenizer(list(texts), truncation=False)["input_ids"]]


def max_input_tokens(tokenizer: Any, config: Any) -> int:
    """The model's input limit: the tokenizer's declared maximum, bounded by the position
    embeddings where the architecture has them."""
    bounds = [n for n in (getattr(tokenizer, "model_max_length", None),
                          getattr(config, "max_position_embeddings", None),
                          getattr(config, "n_positions", None))
              if isinstance(n, int) and 0 < n < _UNBOUNDED]
    return min(bounds) if bounds else _DEFAULT_MAX_INPUT


@functools.lru_cache(maxsize=4)
def load(name: str, device: str = "auto") -> LoadedModel:
    """Tokenizer and model for `name`, loaded once per (name, device) in a process."""
    path = resolve(name)
    require_torch()
    device = pick_device(device)
    with _offline(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

            _quiet_transformers()
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModelForSeq2SeqLM.from_pretrained(path, local_files_only=True)
            model.to(device).eval()
        except (OSError, ValueError, KeyError, ImportError, RuntimeError, TypeError) as exc:
            raise BriefgenError(f"cannot load model {name!r} from {path}: "
                                f"{_first_line(exc)}") from exc
    loaded = LoadedModel(name, path, tokenizer, model, device,
                         max_input_tokens(tokenizer, model.config))
    log.info("loaded %s (%s, %s parameters, max input %d tokens) on %s", name,
             type(model).__name__, f"{loaded.parameters:,}", loaded.max_input, device)
    return loaded


def generate(loaded: LoadedModel, texts: Sequence[str],
             max_new_tokens: Callable[[int], int]) -> list[str]:
    """Run generate() on every text, in batches of similar length, and return the outputs in
    the order of `texts`.

    Sorting by length keeps padding (wasted compute) small; `max_new_tokens` maps a batch's
    longest input, in tokens, to its output budget.  Texts must fit the model's input
    (`fit` splits them): the tokenizer's truncation here is only a backstop.
    """
    import torch

    if not texts:
        return []
    lengths = [min(n, loaded.max_input) for n in loaded.token_lengths(texts)]
    order = sorted(range(len(texts)), key=lengths.__getitem__)
    batches = batch_by_tokens([lengths[i] for i in order], BATCH_TOKENS.get(loaded.device, 4096))
    batches = [[order[i] for i in batch] for batch in batches]
    outputs: list[str] = [""] * len(texts)
    for number, batch in enumerate(batches, 1):
        longest = lengths[batch[-1]]
        log.info("%s: batch %d/%d, %d inputs of %d-%d tokens", loaded.name, number,
                 len(batches), len(batch), lengths[batch[0]], longest)
        encoded = loaded.tokenizer([texts[i] for i in batch], return_tensors="pt", padding=True,
                                   truncation=True, max_length=loaded.max_input)
        encoded = {k: v.to(loaded.device) for k, v in encoded.items()}
        try:
            with torch.inference_mode():
                ids = loaded.model.generate(**encoded, max_new_tokens=max_new_tokens(longest))
        except torch.cuda.OutOfMemoryError as exc:
            raise BriefgenError(f"{loaded.name}: out of GPU memory; use --device cpu or a "
                                f"smaller model") from exc
        for i, text in zip(batch, loaded.tokenizer.batch_decode(ids, skip_special_tokens=True)):
            outputs[i] = text.strip()
    return outputs


def looping(text: str) -> bool:
    """Generation stuck in a loop (`the the the`, `a b a b a b`), the commonest way seq2seq
    output goes wrong, whatever the language: such text is never shown to a reader."""
    words = re.findall(r"\w+", text.lower())
    if any(words[i] == words[i + 1] == words[i + 2] for i in range(len(words) - 2)):
        return True
    return len(words) >= 6 and len(set(words)) < 0.6 * len(words)


def batch_by_tokens(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Consecutive positions of `lengths` (sorted ascending) grouped so that each group's
    padded size, count x longest, stays within `budget` (and MAX_BATCH)."""
    batches: list[list[int]] = []
    for i, length in enumerate(lengths):
        if batches and len(batches[-1]) < MAX_BATCH and \
                (len(batches[-1]) + 1) * max(length, 1) <= budget:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def fit(text: str, length: Callable[[str], int], limit: int) -> list[str]:
    """`text` cut between words into consecutive parts of at most `limit` tokens (by
    `length`): worse for a model than whole sentences, better than losing the end."""
    if length(text) <= limit:
        return [text]
    words = text.split()
    if len(words) < 2:
        return [text]  # one giant token run: nothing sensible to cut on
    parts = max(2, math.ceil(length(text) / limit))
    step = math.ceil(len(words) / parts)
    return [piece for i in range(0, len(words), step)
            for piece in fit(" ".join(words[i:i + step]), length, limit)]


# --- briefgen models list | download | verify -------------------------------------------------

@dataclass(frozen=True)
class ModelStatus:
    role: str  # "summarizer (configured)", "translator fr->en", "cache", ...
    name: str
    where: Path | None  # local folder when found

    @property
    def found(self) -> bool:
        return self.where is not None


def _locate(name: str) -> Path | None:
    try:
        return resolve(name)
    except BriefgenError:
        return None


def _cached_ids() -> list[str]:
    """Model ids in the local hub cache (none when the cache does not exist yet)."""
    from huggingface_hub import constants, scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    try:
        info = scan_cache_dir(constants.HF_HUB_CACHE)
    except CacheNotFound:
        return []
    return sorted(repo.repo_id for repo in info.repos if repo.repo_type == "model")


def list_models(summarizer_model: str | None, translator_model: str | None) -> list[ModelStatus]:
    """The configured models, the recommended ones, then anything else in the local cache."""
    wanted = [("summarizer (configured)", summarizer_model),
              ("translator (configured)", translator_model)]
    wanted += [(role, name) for role, names in RECOMMENDED.items() for name in names]
    seen = {name for _, name in wanted if name}
    wanted += [("in local cache", name) for name in _cached_ids() if name not in seen]
    return [ModelStatus(role, name, _locate(name)) for role, name in wanted if name]


def download(model_id: str) -> Path:
    """Fetch `model_id` into the local hub cache (the one command that uses the network)."""
    import huggingface_hub
    from huggingface_hub import constants
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    if _looks_like_path(model_id) or Path(model_id).expanduser().exists():
        raise BriefgenError(f"{model_id} is a path: download takes a hub id such as "
                            f"Helsinki-NLP/opus-mt-fr-en")
    if constants.HF_HUB_OFFLINE:
        raise BriefgenError(f"cannot download {model_id!r}: HF_HUB_OFFLINE is set; unset it "
                            f"on a machine with internet")
    try:
        folder = huggingface_hub.snapshot_download(model_id, etag_timeout=DOWNLOAD_TIMEOUT_S)
    except (LocalEntryNotFoundError, HfHubHTTPError, OSError, ValueError) as exc:
        raise BriefgenError(f"cannot download {model_id!r} from the Hugging Face hub "
                            f"({_first_line(exc)}); check the id and the connection, or copy "
                            f"the model folder here and pass its path") from exc
    return Path(folder)


def verify(name: str, device: str = "auto") -> str:
    """Load `name` and generate from one short input: the one-line report for the user."""
    loaded = load(name, device)
    output = generate(loaded, ["The Council met today."], lambda _: 8)[0]
    return (f"OK {name}: {type(loaded.model).__name__}, {loaded.parameters:,} parameters, "
            f"max input {loaded.max_input} tokens, {loaded.device}, sample output {output!r}")

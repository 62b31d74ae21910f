"""Print a release with its paragraphs and sentences numbered, for writing gold by hand.

    python bench/number_paragraphs.py ../shared/corpus/SC-16006.en.txt

The numbers are the ones the gold files use (`tests/gold/attribution/`, `tests/gold/votes/`):
¶N is the N-th paragraph as briefgen reads the release (the N-th blank-line block, which the
audits call ¶N too) and [k] the k-th sentence of that paragraph as `briefgen.sentences` splits
it.  Only the text is shown, never what briefgen makes of it, so that gold written from this
view is a reading of the release and not of the tool.
"""

from __future__ import annotations

import argparse
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release")
    args = parser.parse_args()
    from briefgen.evaluation.attribution import numbered_paragraphs

    lang, paragraphs = numbered_paragraphs(args.release)
    print(f"language: {lang}")
    for number, sentences in paragraphs:
        print()
        for k, sentence in enumerate(sentences, 1):
            prefix = f"¶{number} [{k}]" if k == 1 else f"{'':>{len(str(number)) + 1}} [{k}]"
            print(f"{prefix} {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

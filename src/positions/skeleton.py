"""A new dataset ready to fill (``init``): the files it starts with, as texts.

The command writes them (writing.create_new); nothing here touches a file. The data file holds
one example source, issue and party, each with a comment pointing to the codebook's rule, and is
valid as it is (tests/test_init.py), so that ``positions validate`` passes from the first minute.
"""

from __future__ import annotations

DATA_FILE = "positions.yaml"
SOURCES = "sources"

_DATA = """\
# yaml-language-server: $schema={schema}
#
# TODO: one line on the conflict and the articles this file encodes.
# Every stance quotes its article verbatim: put each article's text in sources/<source id>.txt,
# and `positions verify --sources sources` checks the quotes; `positions quote SOURCE "a few
# words"` prints a sentence as an evidence entry to paste; `positions coverage --sources sources`
# lists the sentences not yet cited or set aside. The coding rules (issues, outcomes, exclusions
# and links, conditions and their stage, attribution, firmness, salience, speakers, joint
# statements) are in the codebook of positions, docs/codebook.md; `positions lint --sources
# sources` checks the rules a machine can.
schema: positions/3
title: TODO the conflict, as the articles report it

sources:
  # Each article: its id (the name of sources/<id>.txt), its title, and whose the title is:
  # the article's headline, or one you wrote (codebook §15).
  example-article:
    title: TODO the article's headline
    title_from: article

issues:
  # One question a settlement has to answer; outcomes are its possible answers, in neutral
  # words (codebook §1). `excludes` only between outcomes that cannot both happen.
  example-issue:
    name: TODO Issue
    question: TODO the question a settlement has to answer?
    outcomes:
      first-outcome: TODO one possible answer
      second-outcome:
        description: TODO another answer
        excludes: [first-outcome]

parties:
  # Each party and its stance on each issue it has a position on (codebook §2, §3).
  example-party:
    name: TODO Party
    aliases: []
    stances:
      example-issue:
        summary: TODO what the party says, in a sentence (codebook §8).
        accepts: [first-outcome]
        rejects: [second-outcome]
        firmness: no-cue  # red-line, firm, open or no-cue, by the cue phrases (codebook §6)
        # stage: talks  # when it is asked for: talks, ceasefire or settlement (codebook §12)
        evidence:
          # A verbatim quote (codebook §5 for attribution, §7 for speaker).
          - source: example-article
            quote: TODO a sentence copied from the article
            attribution: reported  # stated, reported or inferred
"""

_SOURCES_README = """\
Put the text of each article here as <source id>.txt (for example example-article.txt), UTF-8,
the id being the one under `sources:` in ../positions.yaml.
"""


def files(schema: str) -> dict[str, str]:
    """Each file of a new dataset, by its path in the dataset's folder, in the order to make.

    ``schema`` is where the JSON Schema is, as the editor's modeline names it.
    """
    return {
        DATA_FILE: _DATA.format(schema=schema),
        f"{SOURCES}/README.md": _SOURCES_README,
    }

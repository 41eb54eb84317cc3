"""../shared/data (ESCO, O*NET, THUOCL, SkillSpan) -> matcher/data's derived vocabulary files.

Run it with ``make lexicon`` or ``.venv/bin/python -m tools.lexicon [--data DIR] [--out DIR]``
after changing a filter; the output is deterministic (sorted, gzip without a timestamp), so a
rebuild shows a readable diff. One module per source, each named after it:

* ``esco``: digital-skill knowledge items with short labels, transversal (soft) skills;
  altLabels as aliases. Verb-phrase competences ("migrate existing data") rarely occur
  verbatim in postings, so only short ones (<= 4 words) are kept.
* ``onet``: Technology Skills tool names used by >= 2 occupations or flagged Hot Technology;
  the vendor-less name ("Atlassian JIRA" -> "JIRA") and a trailing acronym ("Structured query
  language SQL" -> "SQL") become aliases. Category names ("... software") are skipped.
* ``thuocl``: IT/caijing terms of 4-8 characters that end in a skill word (分析, 开发, 测试...)
  with a document frequency >= 300: skill phrases, not the generic programming vocabulary.
* ``titles``: job titles per occupation (``titles.tsv.gz``); ``occupations`` and ``words``:
  how specific each word is to a trade (``words.tsv``).
* ``common``: the filters every source shares. A big vocabulary is also a big source of junk:
  an alias that is an ordinary English word ("access", "go", "spring") or a generic Chinese
  word (数据, 系统) would turn prose into criteria. So every single-word English surface that
  O*NET and ESCO descriptions use as an ordinary lower-case word is dropped (a data-driven
  stop list), as are surfaces under 3 characters and bare 2-3 letter acronyms.
* ``build``: the command: merges the terms into ``lexicon_derived.tsv`` and writes the rest.
"""

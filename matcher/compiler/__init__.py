"""Compiler: posting text in, ``Rubric`` values out (one per posting found).

``markup`` reads an HTML or Markdown posting as the plain lines it shows; ``posting`` cuts the
text into postings, parts and list items; ``keywords`` finds the trade words of a posting;
``clauses`` splits items into clauses and reads their cue words; ``fairness`` leaves protected
clauses out as findings; ``minimums`` reads the education level and years asked for;
``credentials`` the licences and certificates; ``products`` the tools a posting lists that no
lexicon knows;
``criteria`` turns all of it into weighted criteria (``compile_text``, ``compile_file``).
"""

#!/usr/bin/env python3
"""Writes the fuzzers' hostile seeds into tests/fuzz/seeds/FORMAT/ (ci/fuzz.sh adds them to each
format's fixtures): nesting thousands of levels deep in every format with a tree, and files cut
short inside their first entry. Each stays under libFuzzer's -max_len (64 KB).

  python3 tests/fuzz/make_seeds.py
"""
import io
import os
import zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds")
ENTRY = "Smith J. A page. https://example.org/a (accessed 2020-01-01)."


def nested(open_, middle, close, n):
    return open_ * n + middle + close * n


def write(fmt, name, data):
    os.makedirs(os.path.join(HERE, fmt), exist_ok=True)
    with open(os.path.join(HERE, fmt, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def docx(document):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", document)
    return out.getvalue()


def main():
    write("jats", "deep-sec.xml",
          "<?xml version=\"1.0\"?><article><back><ref-list>"
          + nested("<sec>", f"<ref><mixed-citation>{ENTRY}</mixed-citation></ref>", "</sec>", 4000)
          + "</ref-list></back></article>")
    write("jats", "deep-citation.xml",
          "<?xml version=\"1.0\"?><article><back><ref-list><ref><mixed-citation>"
          + nested("<italic>", ENTRY, "</italic>", 3000) + "</mixed-citation></ref></ref-list></back></article>")
    write("html", "deep-div.html",
          "<!doctype html><html><body><h2>References</h2><ol>"
          + nested("<div>", f"<li>{ENTRY}</li>", "</div>", 5000) + "</ol></body></html>")
    write("html", "deep-span.html",
          "<!doctype html><html><body><h2>References</h2><ol><li>"
          + nested("<span>", ENTRY, "</span>", 5000) + "</li></ol></body></html>")
    body = f'<w:p><w:r><w:t>References</w:t></w:r></w:p><w:p><w:r><w:t>[1] {ENTRY}</w:t></w:r></w:p>'
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    write("docx", "deep-sdt.docx", docx(
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>'
        + nested("<w:sdt><w:sdtContent>", body, "</w:sdtContent></w:sdt>", 52000)
        + "</w:body></w:document>"))
    write("docx", "deep-run.docx", docx(
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body><w:p>'
        + nested("<w:hyperlink>", f"<w:r><w:t>{ENTRY}</w:t></w:r>", "</w:hyperlink>", 20000)
        + "</w:p></w:body></w:document>"))
    write("csl-json", "deep-array.json", nested("[", '{"id":"a","URL":"https://example.org/a"}', "]", 20000))
    write("markdown", "deep-quote.md", "# References\n\n" + ">" * 20000 + f" - {ENTRY}\n")
    write("markdown", "deep-list.md", "# References\n\n" + "".join("  " * i + "- x\n" for i in range(180)))
    write("bibtex", "deep-braces.bib", "@misc{a, title={" + nested("{", "x", "}", 20000) + "}, url={https://example.org/a}}\n")
    write("bibtex", "cut.bib", "@misc{x, title={T}, url={https://example.org/a")
    write("latex", "deep-braces.bbl", "\\begin{thebibliography}{9}\n\\bibitem{a} " + nested("{", "x", "}", 20000) + " \\url{https://example.org/a}\n\\end{thebibliography}\n")
    write("latex", "cut-thebibliography.bbl", "\\begin{thebibliography}{1}\n\n\\bibitem{a}\nSmith J. \\url{https://example.org/a")
    write("latex", "cut-biblatex.bbl", "\\refsection{0}\n\\datalist[entry]{nty/global//global/global}\n\\entry{smith}{online}{}\n\\verb{url}\n\\verb https://example.org/a")
    write("ris", "cut.ris", "TY  - ELEC\rUR  - https://example.org/a\r")


if __name__ == "__main__":
    main()

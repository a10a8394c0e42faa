#!/usr/bin/env python3
"""Lists the functions in src/ longer than a screen (80 lines, signature to closing brace).

    ci/function-length.py [--max N] [ROOT]     exit 1 when one is over N and says no reason

A function may be longer when the comment right above it says why, in a line that starts
"Over 80 lines:". Comments, strings and character literals are set aside first; a brace opens a
function body at namespace or class level when the declaration before it has a parameter list
and is not an initialiser (`= {`, `name{`). Lambdas count in the function that holds them.
"""
import pathlib
import re
import sys

QUALIFIERS = {"const", "noexcept", "override", "final", "mutable", "try", "volatile"}


def blank_out(text):
    """The text with comments, strings and char literals replaced by spaces (lines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not text[i - 1].isalnum()):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j]))
            i = j
        elif c in "\"'" and not (c == "'" and i > 0 and text[i - 1].isdigit()):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (j - i - 1) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def opens_function(statement):
    s = " ".join(statement.split())
    if not s or "(" not in s:
        return False
    if re.match(r"^(template\s*<.*?>\s*)?(class|struct|union|enum|namespace|extern)\b", s):
        return False
    last = re.search(r"([A-Za-z_][A-Za-z0-9_]*|\S)\s*$", s).group(1)
    if (last[0].isalpha() or last[0] == "_") and last not in QUALIFIERS and not s.endswith(")"):
        # `name{`: a brace initialiser, unless it follows `) const` and the like
        if not re.search(r"\)\s*(" + "|".join(QUALIFIERS) + r")\s*$", s):
            if not re.search(r"->\s*[\w:<>,\s*&]+$", s):
                return False
    depth = 0
    for k, ch in enumerate(s):
        if ch in "(<[":
            depth += 1
        elif ch in ")>]":
            depth -= 1
        elif ch == "=" and depth == 0:
            before, after = s[:k], s[k + 1:k + 2]
            if not before.rstrip().endswith("operator") and after != "=" and before[-1:] not in "!<>=":
                return False
    return True


def functions(path):
    """(name, first line, last line) of each function body in the file."""
    text = blank_out(path.read_text(encoding="utf-8"))
    # Preprocessor lines (and their continuations) are not declarations.
    text = re.sub(r"(?m)^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    line, found = 1, []
    # Each open block: kind (scope, function, other), the statement before it, its first line.
    stack, statement, start = [("scope", "", 1)], "", None
    for ch in text:
        if ch == "\n":
            line += 1
        kind = stack[-1][0]
        if kind in ("function", "other-in-function"):
            if ch == "{":
                stack.append(("other-in-function", "", line))
            elif ch == "}":
                k, sig, first = stack.pop()
                if k == "function":
                    found.append((sig, first, line))
                    statement, start = "", None
            continue
        if ch == "{":
            if opens_function(statement):
                stack.append(("function", " ".join(statement.split())[:90], start or line))
            elif re.match(r"^\s*(template\s*<.*?>\s*)?(class|struct|union|namespace|extern)\b",
                          statement) and "=" not in statement:
                stack.append(("scope", statement, line))
                statement, start = "", None
            else:
                stack.append(("other", statement, line))
                statement = ""
        elif ch == "}":
            k, outer, _ = stack.pop() if len(stack) > 1 else ("scope", "", 0)
            statement = outer + "{}" if k == "other" else ""
            if k != "other":
                start = None
        elif ch == ";" and kind != "other":
            statement, start = "", None
        elif kind != "other":
            if start is None and not ch.isspace():
                start = line
            statement += ch
    return found


def main():
    args = sys.argv[1:]
    limit = 80
    if args[:1] == ["--max"]:
        limit, args = int(args[1]), args[2:]
    root = pathlib.Path(args[0] if args else "src")
    over = 0
    for path in sorted(list(root.rglob("*.cpp")) + list(root.rglob("*.hpp"))):
        lines = path.read_text(encoding="utf-8").split("\n")
        for sig, first, last in functions(path):
            length = last - first + 1
            if length <= limit:
                continue
            above = []
            k = first - 2
            while k >= 0 and lines[k].lstrip().startswith("//"):
                above.append(lines[k].strip())
                k -= 1
            if any(a.startswith("// Over 80 lines:") for a in above):
                continue
            over += 1
            print(f"{path}:{first}: {length} lines: {sig}")
    if over:
        print(f"{over} functions over {limit} lines without a reason in the comment above "
              f"(// Over 80 lines: ...)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

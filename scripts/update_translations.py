#!/usr/bin/env python3
"""Refresh the translation files from the source code, keeping every translation already made.

The ``.ts`` files in ``resources/translations/`` are the source of truth for translations: edit them with Qt
Linguist (``pyside6-linguist resources/translations/cdp_desktop_zh_CN.ts``) or by hand. This script:

1. extracts the source texts with ``pyside6-lupdate`` (``self.tr``, ``QCoreApplication.translate``,
   ``QT_TRANSLATE_NOOP`` with a literal context) plus a small AST pass for what lupdate cannot see:
   ``QT_TRANSLATE_NOOP(NAME, "…")`` / ``template(NAME, "key", "…")`` whose context is a module-level string
   constant, and the command line's ``_("…")`` (context ``""``, see ``cdp_desktop/i18n.py``);
2. merges them into each ``.ts`` file: a text that is already translated keeps its translation, a new one is
   added as *unfinished*, a text no longer in the code is dropped. English translates to itself, except
   texts with plural forms (``%n``), whose English forms are written in ``cdp_desktop_en.ts`` like any other
   language's;
3. compiles every ``.ts`` to ``.qm`` with ``pyside6-lrelease``.

Usage: ``python scripts/update_translations.py [--check] [--merge OTHER_<language>.ts …]``. It exits with
status 1 while any message is unfinished. ``--check`` (run by CI) writes nothing and fails when a ``.ts``
file is not up to date with the code, a message is unfinished, or a ``.qm`` file is not compiled from its
``.ts``. ``--merge`` also takes translations from other copies of the files (a contributor's, or your side
of a merge conflict in them).
"""

from __future__ import annotations

import argparse
import ast
import copy
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "cdp_desktop"
OUT_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en", "zh_CN")
CLI_CONTEXT = ""  # cdp_desktop.i18n.CONTEXT


def tool(name: str) -> str:
    """``pyside6-<name>`` next to this interpreter, else on PATH."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    if local.exists():
        return str(local)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found; install PySide6")
    return found


def sources() -> list[Path]:
    return sorted(p for p in SOURCE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


# --------------------------------------------------------------------------- AST extraction


def _string(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def extra_messages(path: Path) -> list[tuple[str, str, bool]]:
    """(context, source, has plural forms) of the texts lupdate misses in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = {
        target.id: stmt.value.value
        for stmt in tree.body
        if isinstance(stmt, ast.Assign)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
        for target in stmt.targets
        if isinstance(target, ast.Name)
    }
    found: list[tuple[str, str, bool]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name == "QT_TRANSLATE_NOOP" and len(node.args) == 2 and isinstance(node.args[0], ast.Name):
            context, text = _string(node.args[0], constants), _string(node.args[1], constants)
            if context is not None and text:
                found.append((context, text, False))
        elif name == "template" and len(node.args) >= 3:
            context, text = _string(node.args[0], constants), _string(node.args[2], constants)
            plural = any(k.arg == "plural" for k in node.keywords)  # core/messages.py: Qt's %n forms
            if context is not None and text:
                found.append((context, text, plural))
        elif name == "_" and len(node.args) == 1 and path.name != "i18n.py":
            text = _string(node.args[0], {})
            if text:
                found.append((CLI_CONTEXT, text, False))
    return found


# --------------------------------------------------------------------------- .ts editing


def _context(root: ET.Element, name: str) -> ET.Element:
    for ctx in root.findall("context"):
        if (ctx.findtext("name") or "") == name:
            return ctx
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = name
    return ctx


def add_messages(root: ET.Element, messages: list[tuple[str, str, bool]]) -> None:
    for context, text, plural in messages:
        ctx = _context(root, context)
        if any(m.findtext("source") == text for m in ctx.findall("message")):
            continue
        message = ET.SubElement(ctx, "message", {"numerus": "yes"} if plural else {})
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation").text = ""


Key = tuple[str, str]  # (context, source text)


def existing_translations(path: Path) -> dict[Key, ET.Element]:
    """The finished ``<translation>`` elements of a committed .ts file, by (context, source)."""
    if not path.exists():
        return {}
    done: dict[Key, ET.Element] = {}
    for ctx in ET.parse(path).getroot().findall("context"):
        cname = ctx.findtext("name") or ""
        for message in ctx.findall("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if (translation.text or "").strip() or len(translation):
                done[(cname, message.findtext("source") or "")] = translation
    return done


def fill(root: ET.Element, language: str, known: dict[Key, ET.Element]) -> list[Key]:
    """Give every message its known translation; return the (context, source) pairs still unfinished."""
    missing: list[Key] = []
    for ctx in root.findall("context"):
        cname = ctx.findtext("name") or ""
        for message in ctx.findall("message"):
            source = message.findtext("source") or ""
            plural = message.get("numerus") == "yes"
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            previous = known.get((cname, source))
            if previous is not None:
                translation = copy.deepcopy(previous)
            elif language == "en" and not plural:
                translation = ET.Element("translation")
                translation.text = source
            else:
                translation = ET.Element("translation", {"type": "unfinished"})
                if plural:
                    ET.SubElement(translation, "numerusform")
                missing.append((cname, source))
            translation.tail = None
            message.append(translation)
    # Stable order: contexts by name, messages by source, so that diffs stay readable.
    contexts = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for ctx in contexts:
        root.remove(ctx)
        messages = sorted(ctx.findall("message"), key=lambda m: m.findtext("source") or "")
        for m in messages:
            ctx.remove(m)
        for m in messages:
            ctx.append(m)
        root.append(ctx)
    return missing


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- main


def build(out_dir: Path, merge: list[Path] | None = None) -> dict[str, list[Key]]:
    """Write refreshed .ts and .qm files into ``out_dir``; return the unfinished messages by language."""
    files = sources()
    extras = [m for f in files for m in extra_messages(f)]
    missing: dict[str, list[Key]] = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            scratch = Path(tmp) / f"cdp_desktop_{language}.ts"
            subprocess.run(
                [
                    tool("lupdate"),
                    "-silent",
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-source-language",
                    "en",
                    "-target-language",
                    language,
                    *[str(f.relative_to(ROOT)) for f in files],
                    "-ts",
                    str(scratch),
                ],
                check=True,
                cwd=ROOT,
            )
            tree = ET.parse(scratch)
            root = tree.getroot()
            add_messages(root, extras)
            known: dict[Key, ET.Element] = {}
            for other in merge or []:
                if other.name.endswith(f"_{language}.ts"):
                    known.update(existing_translations(other))
            known.update(existing_translations(OUT_DIR / scratch.name))
            missing[language] = fill(root, language, known)
            ts = out_dir / f"cdp_desktop_{language}.ts"
            write_ts(tree, ts)
            subprocess.run(
                [tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                check=True,
                cwd=ROOT,
            )
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail if a .ts file is out of date, a message unfinished or a .qm file stale",
    )
    parser.add_argument(
        "--merge",
        nargs="+",
        type=Path,
        default=[],
        metavar="TS",
        help="also take translations from these cdp_desktop_<language>.ts files (a contributor's copy, or"
        " your side of a merge conflict) for messages the committed files lack",
    )
    args = parser.parse_args()
    problems: list[str] = []
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            missing = build(Path(tmp))
            for lang in LANGUAGES:
                for suffix, fix in ((".ts", "run scripts/update_translations.py"), (".qm", "recompile it")):
                    name = f"cdp_desktop_{lang}{suffix}"
                    committed = OUT_DIR / name
                    if not committed.exists() or committed.read_bytes() != (Path(tmp) / name).read_bytes():
                        problems.append(f"{name} is out of date with the code; {fix}")
    else:
        missing = build(OUT_DIR, args.merge)
    for lang, keys in missing.items():
        for context, source in keys:
            problems.append(f"unfinished in {lang}: [{context}] {source!r}")
    for problem in problems:
        print(problem, file=sys.stderr)
    total = {lang: _count(OUT_DIR / f"cdp_desktop_{lang}.ts") for lang in LANGUAGES}
    unfinished = sum(len(keys) for keys in missing.values())
    print(", ".join(f"{lang}: {n} messages" for lang, n in total.items()) + f"; {unfinished} unfinished")
    if unfinished:
        print(
            "Translate the unfinished messages in resources/translations/*.ts (pyside6-linguist or a text"
            " editor), then run this script again.",
            file=sys.stderr,
        )
    return 1 if problems else 0


def _count(path: Path) -> int:
    return len(ET.parse(path).getroot().findall("./context/message")) if path.exists() else 0


if __name__ == "__main__":
    sys.exit(main())

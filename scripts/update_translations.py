#!/usr/bin/env python3
"""Rebuild the translation files: extract, fill in the Chinese, compile.

1. ``pyside6-lupdate`` over ``cdp_desktop/**/*.py`` writes
   ``resources/translations/cdp_desktop_{en,zh_CN}.ts`` (``self.tr``, ``QCoreApplication.translate`` and
   ``QT_TRANSLATE_NOOP`` with a literal context).
2. A small AST pass adds what lupdate cannot see: ``QT_TRANSLATE_NOOP(NAME, "…")`` whose context is a
   module-level string constant, and the command line's ``_("…")`` (context ``""``, see
   ``cdp_desktop/i18n.py``).
3. Every zh_CN message gets its translation from ``scripts/translations_zh_CN.py``; en messages translate to
   themselves. Nothing is left unfinished: a source text without a Chinese translation is listed and the
   script exits with status 1 (the .qm files are still written, falling back to English for those texts).
4. ``pyside6-lrelease`` compiles both to ``.qm``.

Usage: ``python scripts/update_translations.py [--check]`` (``--check``: fail if the .ts files would change).
"""

from __future__ import annotations

import argparse
import ast
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations_zh_CN import ZH_CN  # noqa: E402


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


def extra_messages(path: Path) -> list[tuple[str, str]]:
    """(context, source) pairs lupdate misses in one file."""
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
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name == "QT_TRANSLATE_NOOP" and len(node.args) == 2 and isinstance(node.args[0], ast.Name):
            context, text = _string(node.args[0], constants), _string(node.args[1], constants)
            if context is not None and text:
                found.append((context, text))
        elif name == "_" and len(node.args) == 1 and path.name != "i18n.py":
            text = _string(node.args[0], {})
            if text:
                found.append((CLI_CONTEXT, text))
    return found


# --------------------------------------------------------------------------- .ts editing


def _context(root: ET.Element, name: str) -> ET.Element:
    for ctx in root.findall("context"):
        if (ctx.findtext("name") or "") == name:
            return ctx
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = name
    return ctx


def add_messages(root: ET.Element, messages: list[tuple[str, str]]) -> None:
    for context, text in messages:
        ctx = _context(root, context)
        if any(m.findtext("source") == text for m in ctx.findall("message")):
            continue
        message = ET.SubElement(ctx, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation").text = ""


def fill(root: ET.Element, language: str) -> list[tuple[str, str]]:
    """Set every translation; return the (context, source) pairs without one."""
    missing: list[tuple[str, str]] = []
    for ctx in root.findall("context"):
        cname = ctx.findtext("name") or ""
        for message in ctx.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if language == "en":
                text: str | None = source
            else:
                text = ZH_CN.get((cname, source)) or ZH_CN.get(source)
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.text = ""
                translation.set("type", "unfinished")
                missing.append((cname, source))
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


def build(out_dir: Path) -> list[tuple[str, str]]:
    files = sources()
    extras = [m for f in files for m in extra_messages(f)]
    missing: list[tuple[str, str]] = []
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
            gaps = fill(root, language)
            if language != "en":
                missing += gaps
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
        "--check", action="store_true", help="fail if the committed .ts files are out of date"
    )
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            missing = build(Path(tmp))
            stale = [
                lang
                for lang in LANGUAGES
                if (Path(tmp) / f"cdp_desktop_{lang}.ts").read_text(encoding="utf-8")
                != (OUT_DIR / f"cdp_desktop_{lang}.ts").read_text(encoding="utf-8")
            ]
        if stale:
            print(f"out of date: {', '.join(stale)}; run scripts/update_translations.py", file=sys.stderr)
            return 1
    else:
        missing = build(OUT_DIR)
    for context, source in missing:
        print(f"no Chinese translation: [{context}] {source!r}", file=sys.stderr)
    total = {lang: _count(OUT_DIR / f"cdp_desktop_{lang}.ts") for lang in LANGUAGES}
    print(
        ", ".join(f"{lang}: {n} messages" for lang, n in total.items())
        + f"; {len(missing)} unfinished (zh_CN)"
    )
    return 1 if missing else 0


def _count(path: Path) -> int:
    return len(ET.parse(path).getroot().findall("./context/message")) if path.exists() else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill translations/starlocus_de.ts from translations/pending/*.tsv.

Run after lupdate (cmake --build BUILD --target starlocus_ui_lupdate) has added the new
source strings as unfinished. Each TSV line is `context<TAB>source<TAB>translation`
(source and translation as written in the C++ string literal, \\n for a line break).
A message with numerus="yes" gets the translation in each of its plural forms unless the
TSV gives them separated by ' || '. Prints what it filled, and every TSV line whose
(context, source) the .ts does not have, so nothing is dropped silently.
ElementTree writes the whole .ts with its own indentation: run lupdate once more after the
merge so that the committed diff holds only the new translations.
usage: merge-pending-translations.py [TS] [PENDING_DIR]
"""
import glob, os, sys
import xml.etree.ElementTree as ET

root_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ts_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root_dir, "translations", "starlocus_de.ts")
pending = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root_dir, "translations", "pending")

wanted = {}
for path in sorted(glob.glob(os.path.join(pending, "*.tsv"))):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{path}:{number}: expected context<TAB>source<TAB>translation")
            context, source, translation = (p.replace("\\n", "\n") for p in parts)
            wanted[(context, source)] = (translation, f"{os.path.basename(path)}:{number}")

tree = ET.parse(ts_path)
filled, used = 0, set()
for context in tree.getroot().iter("context"):
    name = context.findtext("name")
    for message in context.iter("message"):
        key = (name, message.findtext("source"))
        if key not in wanted:
            continue
        used.add(key)
        text = wanted[key][0]
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = text.split(" || ")
            for child in list(translation):
                translation.remove(child)
            for k in range(2):
                form = ET.SubElement(translation, "numerusform")
                form.text = forms[min(k, len(forms) - 1)]
        else:
            translation.text = text
        translation.attrib.pop("type", None)
        filled += 1

ET.indent(tree, space="    ")
body = ET.tostring(tree.getroot(), encoding="unicode")
with open(ts_path + ".tmp", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
os.replace(ts_path + ".tmp", ts_path)
print(f"filled {filled} messages from {len(wanted)} pending lines")
for key in sorted(set(wanted) - used):
    print(f"not in the .ts (check context/source): {wanted[key][1]}: {key[0]} | {key[1]!r}")
unfinished = sum(1 for t in tree.getroot().iter("translation") if t.get("type") == "unfinished")
print(f"unfinished translations left: {unfinished}")

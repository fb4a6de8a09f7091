"""Anki packages (.apkg), both ways. Each module has one job, and imports only those above it:

- ids: note GUIDs, deck names and note checksums (imports nothing of the package)
- notetypes: quizmg's note types (fields, templates, CSS)
- fields: a question's fields as HTML
- package_file: writing a genanki package to disk
- reader: a package's collection, note types, notes, decks and media
- html_text: Anki field HTML to deck text
- foreign: any other note type's notes read through their templates
- edits, list_fields: edits made in Anki to quizmg's own notes, read back
- importer: a package as a quizmg deck (`read_apkg`); notes from Anki keep their note type and fields
- kept_types: notes going back under the note type they came with (updates in Anki, not conflicts)
- exporter: decks to a package (`write_apkg`, `build_package`)
- progress_out / progress_in: the learner's schedule and review log, out and in

Nothing here touches the learner's collection: the CLI (quizmg.cli.anki_progress) does that.
"""

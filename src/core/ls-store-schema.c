/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include "ls-sqlite-store-private.h"

/* Every schema change is a new step here, applied in order inside one
 * transaction; a step is never edited once released, so that a file of any
 * older version migrates forward the same way.  Step 1 is the first schema
 * ever written; the tests build a file of it to check the migration. */

static const char schema_v1[] =
    "CREATE TABLE organisation (\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  json TEXT NOT NULL);\n"
    "CREATE TABLE cases (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE,\n"
    "  regno TEXT UNIQUE,\n"
    "  status TEXT NOT NULL,\n"
    "  unit TEXT,\n"
    "  kind TEXT,\n"
    "  title TEXT,\n"
    "  received_at TEXT,\n"
    "  updated_at TEXT NOT NULL,\n"
    "  json TEXT NOT NULL);\n"
    "CREATE INDEX cases_status ON cases (status, updated_at);\n"
    "CREATE INDEX cases_unit ON cases (unit, updated_at);\n"
    /* Documented items are a legal record: never changed, never removed. A
     * correction is a new row that points at the corrected one. */
    "CREATE TABLE journal (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE,\n"
    "  case_id INTEGER NOT NULL REFERENCES cases (id),\n"
    "  corrects INTEGER REFERENCES journal (id),\n"
    "  documented_at TEXT NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  json TEXT NOT NULL);\n"
    "CREATE INDEX journal_case ON journal (case_id, id);\n"
    "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN\n"
    "  SELECT RAISE (ABORT, 'journal items are append-only');\n"
    "END;\n"
    "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN\n"
    "  SELECT RAISE (ABORT, 'journal items are append-only');\n"
    "END;\n"
    "CREATE TABLE history (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  case_id INTEGER NOT NULL REFERENCES cases (id),\n"
    "  at TEXT NOT NULL,\n"
    "  field TEXT NOT NULL,\n"
    "  old TEXT,\n"
    "  new TEXT,\n"
    "  who TEXT NOT NULL);\n"
    "CREATE INDEX history_case ON history (case_id, id);\n"
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN\n"
    "  SELECT RAISE (ABORT, 'history is append-only');\n"
    "END;\n"
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN\n"
    "  SELECT RAISE (ABORT, 'history is append-only');\n"
    "END;\n";

/* Version 2: the next deadline as a sortable column and full-text search.
 * The tokenizer folds diacritics on purpose (remove_diacritics 2): a
 * manager typing "anmalan" on a keyboard without å, ä, ö still finds
 * "anmälan", and earlier similar cases are found whatever the spelling.
 * The price is that "har" also finds "här"; for finding earlier cases
 * recall matters more than precision.  Prefix indexes of 2 and 3 characters
 * make search-as-you-type fast. */
static const char schema_v2[] =
    "ALTER TABLE cases ADD COLUMN next_deadline TEXT;\n"
    "ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';\n"
    /* Exactly the expressions of the deadline order, so that a page of
     * that list is read from the index instead of sorting every case. */
    "CREATE INDEX cases_deadline ON cases (next_deadline IS NULL,\n"
    "  next_deadline, id);\n"
    "CREATE INDEX cases_received ON cases (received_at);\n"
    "CREATE INDEX cases_updated ON cases (updated_at);\n"
    "CREATE VIRTUAL TABLE case_fts USING fts5 (\n"
    "  regno, body, journal,\n"
    "  tokenize = 'unicode61 remove_diacritics 2',\n"
    "  prefix = '2 3');\n"
    "INSERT INTO case_fts (rowid, regno, body, journal)\n"
    "  SELECT id, coalesce (regno, ''), '',\n"
    "    coalesce ((SELECT group_concat (text, char (10)) FROM journal\n"
    "               WHERE journal.case_id = cases.id), '')\n"
    "  FROM cases;\n"
    "CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN\n"
    "  INSERT INTO case_fts (rowid, regno, body, journal)\n"
    "    VALUES (new.id, coalesce (new.regno, ''), new.search_text, '');\n"
    "END;\n"
    "CREATE TRIGGER cases_fts_update AFTER UPDATE OF regno, search_text\n"
    "  ON cases BEGIN\n"
    "  UPDATE case_fts SET regno = coalesce (new.regno, ''),\n"
    "    body = new.search_text WHERE rowid = new.id;\n"
    "END;\n"
    "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN\n"
    "  DELETE FROM case_fts WHERE rowid = old.id;\n"
    "END;\n"
    "CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal BEGIN\n"
    "  UPDATE case_fts SET journal = journal || char (10) || new.text\n"
    "    WHERE rowid = new.case_id;\n"
    "END;\n";

/* Version 3: the cases that need attention now, one row per thing asked,
 * rewritten with every save, so that the overview finds them among
 * 100,000 cases without reading any.  The search body now holds every
 * text of the case, documented items included, so the journal column is
 * no longer filled. */
static const char schema_v3[] =
    "CREATE TABLE attention (\n"
    "  case_id INTEGER NOT NULL REFERENCES cases (id),\n"
    "  step TEXT NOT NULL,\n"
    "  due TEXT);\n"
    "CREATE INDEX attention_case ON attention (case_id);\n"
    "CREATE INDEX attention_due ON attention (coalesce (due, '9999'));\n"
    "DROP TRIGGER journal_fts_insert;\n"
    "UPDATE case_fts SET journal = '';\n";

/* Version 4: the people who must report, the occasions they were told of
 * the duty and the decided versions of the routines.  Each row keeps its
 * record as JSON, with the columns a query needs beside it.  People are
 * ended, never deleted, and neither are occasions; a decided version of
 * the routines is never changed either: a new decision is a new row, so
 * that it stays known which routines were in force when. */
static const char schema_v4[] =
    "CREATE TABLE people (\n"
    "  rowid INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  staff_number TEXT UNIQUE,\n"
    "  name TEXT NOT NULL,\n"
    "  started_on TEXT NOT NULL,\n"
    "  ended_on TEXT,\n"
    "  json TEXT NOT NULL);\n"
    "CREATE TRIGGER people_no_delete BEFORE DELETE ON people BEGIN\n"
    "  SELECT RAISE (ABORT, 'people are ended, never deleted');\n"
    "END;\n"
    "CREATE TABLE occasions (\n"
    "  rowid INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  held_on TEXT NOT NULL,\n"
    "  json TEXT NOT NULL);\n"
    "CREATE TRIGGER occasions_no_delete BEFORE DELETE ON occasions BEGIN\n"
    "  SELECT RAISE (ABORT, 'information occasions are never deleted');\n"
    "END;\n"
    "CREATE TABLE routines (\n"
    "  rowid INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  decided_on TEXT NOT NULL,\n"
    "  decided_by TEXT NOT NULL,\n"
    "  json TEXT NOT NULL);\n"
    "CREATE TRIGGER routines_no_update BEFORE UPDATE ON routines BEGIN\n"
    "  SELECT RAISE (ABORT, 'a decided version of the routines is never "
    "changed');\n"
    "END;\n"
    "CREATE TRIGGER routines_no_delete BEFORE DELETE ON routines BEGIN\n"
    "  SELECT RAISE (ABORT, 'a decided version of the routines is never "
    "changed');\n"
    "END;\n";

/* Version 5: why a change was made, for changes after a conclusion or a
 * notification; and the files attached to a case, kept inside the
 * database so that a backup or a move carries them, never changed in
 * place (a new version is a new row naming the one it replaces). */
static const char schema_v5[] =
    "ALTER TABLE history ADD COLUMN why TEXT;\n"
    "CREATE TABLE attachments (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  uuid TEXT NOT NULL UNIQUE,\n"
    "  case_id INTEGER NOT NULL REFERENCES cases (id),\n"
    "  name TEXT NOT NULL,\n"
    "  content_type TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"
    "  size INTEGER NOT NULL,\n"
    "  sha256 TEXT NOT NULL,\n"
    "  replaces TEXT,\n"
    "  added_by TEXT NOT NULL,\n"
    "  added_at TEXT NOT NULL,\n"
    "  data BLOB NOT NULL,\n"
    "  CHECK (length (data) = size));\n"
    "CREATE INDEX attachments_case ON attachments (case_id, id);\n"
    "CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments BEGIN\n"
    "  SELECT RAISE (ABORT, 'attachments are never changed');\n"
    "END;\n"
    "CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments BEGIN\n"
    "  SELECT RAISE (ABORT, 'attachments are never changed');\n"
    "END;\n";

/* Version 6: the store writes the rows of the search index itself, those
 * of a transaction all in one statement at its commit, instead of
 * triggers writing one with every case (see ls_sqlite_store_index_case):
 * SQLite's FTS5 wrote its pending rows to disk at every statement of a
 * save.  Deleting a case still deletes its row by the trigger.  And the
 * columns of a case's summary in an index of their own, by id, so that
 * the up to 1,000 matches of a search are read from it, a few dozen
 * pages, instead of from as many rows of the table, each a page of its
 * own with the case's JSON. */
static const char schema_v6[] =
    "DROP TRIGGER cases_fts_insert;\n"
    "DROP TRIGGER cases_fts_update;\n"
    "CREATE INDEX cases_summary ON cases (id, uuid, regno, status, unit,\n"
    "  kind, title, received_at, next_deadline, updated_at);\n";

/* Version 7: prefix indexes of 4 and 5 characters as well.  FTS5 answers
 * a prefix only from an index of exactly its length; any other it reads
 * by merging the lists of every word that starts so, all of them before
 * the first row: at 100,000 cases "sjuk" took 10-14 ms of a keystroke
 * that way, 0.3 ms from its index.  A table's prefixes cannot be altered,
 * so the index is copied into a new table that replaces it (some seconds
 * at 100,000 cases, once); the trigger naming it is made again after. */
static const char schema_v7[] =
    "DROP TRIGGER cases_fts_delete;\n"
    "CREATE VIRTUAL TABLE case_fts_v7 USING fts5 (\n"
    "  regno, body, journal,\n"
    "  tokenize = 'unicode61 remove_diacritics 2',\n"
    "  prefix = '2 3 4 5');\n"
    "INSERT INTO case_fts_v7 (rowid, regno, body, journal)\n"
    "  SELECT rowid, regno, body, journal FROM case_fts;\n"
    "DROP TABLE case_fts;\n"
    "ALTER TABLE case_fts_v7 RENAME TO case_fts;\n"
    "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN\n"
    "  DELETE FROM case_fts WHERE rowid = old.id;\n"
    "END;\n";

/* Version 8: the number of cases, kept by the database as cases are
 * added.  Counting them read a whole index at every start, 3 ms at
 * 10,000 cases and 9-30 ms at 100,000: the size of the database was felt
 * before the first window.  Cases are never deleted, but a delete would
 * be counted too.  Made anew if a file claims an older version. */
static const char schema_v8[] =
    "DROP TRIGGER IF EXISTS cases_count_insert;\n"
    "DROP TRIGGER IF EXISTS cases_count_delete;\n"
    "DROP TABLE IF EXISTS case_count;\n"
    "CREATE TABLE case_count (n INTEGER NOT NULL);\n"
    "INSERT INTO case_count (n) SELECT count(*) FROM cases;\n"
    "CREATE TRIGGER cases_count_insert AFTER INSERT ON cases BEGIN\n"
    "  UPDATE case_count SET n = n + 1;\n"
    "END;\n"
    "CREATE TRIGGER cases_count_delete AFTER DELETE ON cases BEGIN\n"
    "  UPDATE case_count SET n = n - 1;\n"
    "END;\n";

/* Version 9: a column of the search index for the filters (see
 * LS_SQLITE_FILTER_TERMS_SQL), so that a search with a state, a unit or
 * a deadline is one query of the index, newest first: with a filter that
 * few cases pass, the newest 1,001 matches took the matches and ids of
 * most of the file, 60 ms at a million cases and ten times that from a
 * cold file.  Copied into a new table as at version 7 (some seconds at
 * 100,000 cases, once). */
static const char schema_v9[] =
    "DROP TRIGGER cases_fts_delete;\n"
    "CREATE VIRTUAL TABLE case_fts_v9 USING fts5 (\n"
    "  regno, body, journal, filter,\n"
    "  tokenize = 'unicode61 remove_diacritics 2',\n"
    "  prefix = '2 3 4 5');\n"
    "INSERT INTO case_fts_v9 (rowid, regno, body, journal, filter)\n"
    "  SELECT case_fts.rowid, case_fts.regno, case_fts.body,\n"
    "    case_fts.journal, " LS_SQLITE_FILTER_TERMS_SQL "\n"
    "  FROM case_fts JOIN cases ON cases.id = case_fts.rowid;\n"
    "DROP TABLE case_fts;\n"
    "ALTER TABLE case_fts_v9 RENAME TO case_fts;\n"
    "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN\n"
    "  DELETE FROM case_fts WHERE rowid = old.id;\n"
    "END;\n";

const char *
ls_store_schema_step (int version)
{
  switch (version)
    {
    case 1:
      return schema_v1;
    case 2:
      return schema_v2;
    case 3:
      return schema_v3;
    case 4:
      return schema_v4;
    case 5:
      return schema_v5;
    case 6:
      return schema_v6;
    case 7:
      return schema_v7;
    case 8:
      return schema_v8;
    case 9:
      return schema_v9;
    default:
      return NULL;
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-pg-store-private.h"

/* The PostgreSQL schema, step by step as the SQLite one: a step is never
 * edited once released.  Text sorts by its bytes (COLLATE "C"), as in
 * SQLite, so that both backends list cases in the same order.  The search
 * column holds the words of the registration number and the case's texts
 * folded as the SQLite index folds them (ls_store_fold_words()); the
 * server indexes them as they are ('simple'), so that "anmalan" finds
 * "anmälan" without an extension. */

static const char schema_v1[] =
    "CREATE TABLE ls_schema (version integer NOT NULL);\n"
    "CREATE TABLE organisation (\n"
    "  id integer PRIMARY KEY CHECK (id = 1),\n"
    "  json text NOT NULL);\n"
    "CREATE TABLE cases (\n"
    "  id bigserial PRIMARY KEY,\n"
    "  uuid text COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  regno text COLLATE \"C\" UNIQUE,\n"
    "  status text COLLATE \"C\" NOT NULL,\n"
    "  unit text COLLATE \"C\",\n"
    "  kind text COLLATE \"C\",\n"
    "  title text COLLATE \"C\",\n"
    "  received_at text COLLATE \"C\",\n"
    "  updated_at text COLLATE \"C\" NOT NULL,\n"
    "  next_deadline text COLLATE \"C\",\n"
    "  json text NOT NULL,\n"
    "  search_text text NOT NULL DEFAULT '',\n"
    "  search_folded text NOT NULL DEFAULT '',\n"
    "  search_vector tsvector GENERATED ALWAYS AS\n"
    "    (to_tsvector ('simple', search_folded)) STORED,\n"
    /* Two people, one case: a save names the revision it was made on. */
    "  revision bigint NOT NULL DEFAULT 1,\n"
    "  saved_by text,\n"
    "  saved_at text);\n"
    "CREATE INDEX cases_status ON cases (status, updated_at);\n"
    "CREATE INDEX cases_unit ON cases (unit, updated_at);\n"
    "CREATE INDEX cases_updated ON cases (updated_at DESC, id DESC);\n"
    "CREATE INDEX cases_received ON cases (received_at DESC, id DESC);\n"
    "CREATE INDEX cases_deadline ON cases\n"
    "  ((next_deadline IS NULL), next_deadline, id);\n"
    "CREATE INDEX cases_search ON cases USING gin (search_vector);\n"
    /* Documented items are a legal record: never changed, never removed. */
    "CREATE TABLE journal (\n"
    "  id bigserial PRIMARY KEY,\n"
    "  uuid text COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  case_id bigint NOT NULL REFERENCES cases (id),\n"
    "  corrects bigint REFERENCES journal (id),\n"
    "  documented_at text NOT NULL,\n"
    "  text text NOT NULL,\n"
    "  json text NOT NULL,\n"
    "  revision bigint NOT NULL DEFAULT 0);\n"
    "CREATE INDEX journal_case ON journal (case_id, id);\n"
    "CREATE TABLE history (\n"
    "  id bigserial PRIMARY KEY,\n"
    "  case_id bigint NOT NULL REFERENCES cases (id),\n"
    "  at text NOT NULL,\n"
    "  field text NOT NULL,\n"
    "  old text,\n"
    "  new text,\n"
    "  who text NOT NULL);\n"
    "CREATE INDEX history_case ON history (case_id, id);\n"
    "CREATE FUNCTION lexsarah_append_only () RETURNS trigger\n"
    "  LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME\n"
    "    USING ERRCODE = 'integrity_constraint_violation';\n"
    "END $$;\n"
    "CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal\n"
    "  FOR EACH STATEMENT EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history\n"
    "  FOR EACH STATEMENT EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TABLE attention (\n"
    "  case_id bigint NOT NULL REFERENCES cases (id),\n"
    "  step text NOT NULL,\n"
    "  due text COLLATE \"C\");\n"
    "CREATE INDEX attention_case ON attention (case_id);\n"
    "CREATE INDEX attention_due ON attention ((coalesce (due, '9999')));\n"
    /* Team mode: who a role is, which units are theirs, which cases are
     * assigned to an investigator. */
    "CREATE TABLE people (\n"
    "  role name PRIMARY KEY,\n"
    "  name text NOT NULL,\n"
    "  title text);\n"
    "CREATE TABLE person_units (\n"
    "  role name NOT NULL REFERENCES people (role) ON DELETE CASCADE,\n"
    "  unit text COLLATE \"C\" NOT NULL,\n"
    "  PRIMARY KEY (role, unit));\n"
    "CREATE TABLE assignments (\n"
    "  case_uuid text COLLATE \"C\" NOT NULL,\n"
    "  role name NOT NULL REFERENCES people (role) ON DELETE CASCADE,\n"
    "  PRIMARY KEY (case_uuid, role));\n"
    /* Other clients learn of a save at once: the payload is the case's
     * uuid, never its content. */
    "CREATE FUNCTION lexsarah_notify () RETURNS trigger\n"
    "  LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "  IF TG_TABLE_NAME = 'cases' THEN\n"
    "    PERFORM pg_notify ('" LS_PG_CHANNEL "', NEW.uuid);\n"
    "  ELSE\n"
    "    PERFORM pg_notify ('" LS_PG_CHANNEL "', '');\n"
    "  END IF;\n"
    "  RETURN NULL;\n"
    "END $$;\n"
    "CREATE TRIGGER cases_notify AFTER INSERT OR UPDATE ON cases\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_notify ();\n"
    "CREATE TRIGGER organisation_notify AFTER INSERT OR UPDATE ON "
    "organisation\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_notify ();\n";

/* Version 2, as the SQLite schema's versions 4 and 5: the register of
 * people who must report, the occasions they were told of the duty and
 * the decided versions of the routines (named register_* so that they
 * are never confused with the team's people, which maps login roles to
 * names); why a change after a conclusion or a notification was made;
 * and the files attached to a case, inside the database so that pg_dump
 * carries them, never changed in place.  People are ended, never
 * deleted; neither are occasions; a decided version of the routines is
 * never changed. */
static const char schema_v2[] =
    "ALTER TABLE history ADD COLUMN why text;\n"
    "CREATE TABLE register_people (\n"
    "  seq bigserial PRIMARY KEY,\n"
    "  id text COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  staff_number text COLLATE \"C\" UNIQUE,\n"
    "  name text NOT NULL,\n"
    "  started_on text NOT NULL,\n"
    "  ended_on text,\n"
    "  json text NOT NULL);\n"
    "CREATE TABLE register_occasions (\n"
    "  seq bigserial PRIMARY KEY,\n"
    "  id text COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  held_on text NOT NULL,\n"
    "  json text NOT NULL);\n"
    "CREATE TABLE register_routines (\n"
    "  seq bigserial PRIMARY KEY,\n"
    "  id text COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  decided_on text NOT NULL,\n"
    "  decided_by text NOT NULL,\n"
    "  json text NOT NULL);\n"
    "CREATE TRIGGER register_people_no_delete BEFORE DELETE ON "
    "register_people\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TRIGGER register_occasions_no_delete BEFORE DELETE ON "
    "register_occasions\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TRIGGER register_routines_append_only BEFORE UPDATE OR DELETE "
    "ON register_routines\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TABLE attachments (\n"
    "  id bigserial PRIMARY KEY,\n"
    "  uuid text COLLATE \"C\" NOT NULL UNIQUE,\n"
    "  case_id bigint NOT NULL REFERENCES cases (id),\n"
    "  name text NOT NULL,\n"
    "  content_type text NOT NULL,\n"
    "  kind text NOT NULL,\n"
    "  size bigint NOT NULL,\n"
    "  sha256 text NOT NULL,\n"
    "  replaces text,\n"
    "  added_by text NOT NULL,\n"
    "  added_at text NOT NULL,\n"
    "  data bytea NOT NULL,\n"
    "  CHECK (length (data) = size));\n"
    "CREATE INDEX attachments_case ON attachments (case_id, id);\n"
    "CREATE TRIGGER attachments_append_only BEFORE UPDATE OR DELETE ON "
    "attachments\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON attachments\n"
    "  FOR EACH STATEMENT EXECUTE FUNCTION lexsarah_append_only ();\n"
    "CREATE TRIGGER register_notify AFTER INSERT OR UPDATE ON "
    "register_people\n"
    "  FOR EACH STATEMENT EXECUTE FUNCTION lexsarah_notify ();\n";

/* Version 3: an index for each order the list is read in, and for each
 * filter with its order, holding every column the order compares; and
 * the count of a search's matches.  A
 * page far down the list is found by reading the index alone
 * (ls-pg-store-queries.c): the first two orders' nulls were sorted at
 * the other end from the list's, and the filters' ended before the case
 * id, so that the server read and sorted every case for each page. */
static const char schema_v3[] =
    "DROP INDEX cases_received;\n"
    "CREATE INDEX cases_received ON cases\n"
    "  (received_at DESC NULLS LAST, id DESC);\n"
    "CREATE INDEX cases_regno ON cases (regno NULLS FIRST, id);\n"
    "DROP INDEX cases_status;\n"
    "CREATE INDEX cases_status ON cases (status, updated_at DESC, id DESC);\n"
    "DROP INDEX cases_unit;\n"
    "CREATE INDEX cases_unit ON cases (unit, updated_at DESC, id DESC);\n"
    /* The count of a search's matches, up to @up_to, from the search
     * index.  Left to itself the server reads the table from its start
     * instead, for it expects to find the few it counts soon, and each
     * case it reads fetches its search column from the table's TOAST:
     * a word of a tenth of the cases took 50-150 ms.  Bound by the
     * policies of cases, as the caller's own query would be. */
    "CREATE FUNCTION lexsarah_count_matches (words tsquery, of_status text,\n"
    "    of_unit text, with_deadline boolean, up_to integer)\n"
    "  RETURNS bigint LANGUAGE sql STABLE SET enable_seqscan = off AS $$\n"
    "  SELECT count(*) FROM (SELECT FROM cases\n"
    "    WHERE search_vector @@ words\n"
    "      AND (of_status IS NULL OR status = of_status)\n"
    "      AND (of_unit IS NULL OR unit = of_unit)\n"
    "      AND (NOT with_deadline OR next_deadline IS NOT NULL)\n"
    "    LIMIT up_to) AS matched\n"
    "$$;\n";

/* Version 4: the count of a search's matches, read from the newest
 * cases first while that costs less than the search index would.  The
 * index (GIN) is read as a bitmap of every match before the first is
 * counted, so that a word in most cases cost time in proportion to the
 * number of cases (23 ms at 100,000), however few it counts.  The
 * newest ids, read backwards a hundred and then more at a time, find
 * the matches of such a word in about as many rows as it counts,
 * whatever the size of the database; when the matches found among them
 * say that reading on would take longer than the index takes, the index
 * counts as before.  A row read costs some twenty entries of the index
 * (its search column is fetched from the table's TOAST: 11 us against
 * 0.4-1.4 us an entry, measured at 10,000 and 100,000 cases).  A word in a
 * middling share of the cases is counted the cheaper way at each size,
 * which grows with the square root of the number of cases.  Both run as
 * the caller, bound by the policies of cases: only the cases the role
 * sees are counted, and a role that sees few finds few matches among
 * the newest ids, so that the index counts for it.  The ids are read
 * by their range, never as many as the role sees: that could be every
 * id of the table. */
static const char schema_v4[] =
    "CREATE FUNCTION lexsarah_count_newest (words tsquery, of_status text,\n"
    "    of_unit text, with_deadline boolean, from_id bigint, "
    "below_id bigint)\n"
    "  RETURNS bigint LANGUAGE sql STABLE SET enable_seqscan = off\n"
    "  SET enable_bitmapscan = off AS $$\n"
    "  SELECT count(*) FROM cases\n"
    "    WHERE id >= from_id AND id < below_id\n"
    "      AND search_vector @@ words\n"
    "      AND (of_status IS NULL OR status = of_status)\n"
    "      AND (of_unit IS NULL OR unit = of_unit)\n"
    "      AND (NOT with_deadline OR next_deadline IS NOT NULL)\n"
    "$$;\n"
    /* Schema 3's count by the index, as it was. */
    "ALTER FUNCTION lexsarah_count_matches RENAME TO "
    "lexsarah_count_indexed;\n"
    "CREATE FUNCTION lexsarah_count_matches (words tsquery,\n"
    "    of_status text, of_unit text, with_deadline boolean, up_to integer)\n"
    "  RETURNS bigint LANGUAGE plpgsql STABLE AS $$\n"
    "DECLARE\n"
    "  top bigint;\n"
    "  below bigint;\n"
    "  n_ids bigint := 128;\n"
    "  n_read bigint := 0;\n"
    "  n_matched bigint := 0;\n"
    "BEGIN\n"
    /* The newest id given; none to a role that may not read the
     * sequence, which the index counts for. */
    "  IF has_sequence_privilege ('cases_id_seq', 'SELECT, USAGE') THEN\n"
    "    top := pg_sequence_last_value ('cases_id_seq');\n"
    "  END IF;\n"
    /* Until the table holds more than twenty times as many cases as
     * are counted, the index costs less than any reading of rows. */
    "  IF top > 20 * up_to THEN\n"
    "    below := top + 1;\n"
    "  END IF;\n"
    "  WHILE below > 1 LOOP\n"
    "    n_matched := n_matched + lexsarah_count_newest (words, of_status,\n"
    "      of_unit, with_deadline, below - n_ids, below);\n"
    "    n_read := n_read + least (n_ids, below - 1);\n"
    "    below := below - n_ids;\n"
    "    IF n_matched >= up_to THEN\n"
    "      RETURN up_to;\n"
    "    ELSIF below <= 1 THEN\n"
    "      RETURN n_matched;\n"
    "    END IF;\n"
    /* The ids still to read at the rate found so far, against the
     * index's entries of the word in every case. */
    "    EXIT WHEN n_matched = 0 OR 20.0 * (up_to - n_matched) * n_read\n"
    "      / n_matched > top::float8 * n_matched / n_read;\n"
    "    n_ids := least (n_ids * 2,\n"
    "      (up_to - n_matched) * n_read * 5 / (4 * n_matched) + 16);\n"
    "  END LOOP;\n"
    "  RETURN lexsarah_count_indexed (words, of_status, of_unit,\n"
    "    with_deadline, up_to);\n"
    "END $$;\n";

/* Version 5: an index of each filter's cases newest first, for a search
 * with a filter that few cases pass.  Without one the server read the
 * table backwards from the newest case, testing each for the words and
 * the filter, and a word's test fetches the case's search column from
 * the table's TOAST: a state of 3 % of 100,000 cases with a word in
 * nearly all of them read 33,000 cases for their 1,001 newest matches
 * (0.5-1.4 s).  From the filter's index the server reads the newest
 * cases that pass it and tests only those, some 1,100 of them (6-13 ms);
 * its estimates of the words and of the filter choose between that, the
 * table from its newest case, and the search index with the filter's
 * (ls_pg_store_search_ids()).
 *
 * And the search column kept in the case's row (compressed if it must
 * be), where the other large columns leave room for it: each case a
 * search reads for the words then costs its row alone, not some four
 * more pages of the TOAST and its index (the 1,001 newest matches of a
 * word in most cases read 4,844 pages, now 372).  The cases stored are
 * written again so, in the order of their ids, with every index, by
 * CLUSTER (a rewrite fetches each value kept out of line back and stores
 * it as the column now says; an UPDATE of every row would leave each one
 * twice): some 15 s at 100,000 cases, under the lock of the upgrade. */
static const char schema_v5[] =
    "CREATE INDEX cases_status_newest ON cases (status, id DESC);\n"
    "CREATE INDEX cases_unit_newest ON cases (unit, id DESC);\n"
    "CREATE INDEX cases_deadline_newest ON cases (id DESC)\n"
    "  WHERE next_deadline IS NOT NULL;\n"
    "ALTER TABLE cases ALTER COLUMN search_vector SET STORAGE MAIN;\n"
    "CLUSTER cases USING cases_pkey;\n"
    "ALTER TABLE cases SET WITHOUT CLUSTER;\n";

const char *
ls_pg_schema_step (int version)
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
    default:
      return NULL;
    }
}

/* Team mode, set up by --init-shared-database; every statement may run
 * again.  The five group roles of the routines belong to the server, not
 * to the database, and the set-up's advisory lock is the database's own:
 * the set-up of another database on the server may make a role at the
 * same moment, and the one that comes second finds it made.  A person is
 * a login role that is a member of one or more of them, with a row in
 * people.  The
 * server enforces the rights: row-level security (forced, so that the
 * owner is bound too) decides which cases a role sees and changes, and
 * the grants which tables it may write.  The author of every history
 * entry and documented item is the session's role, set by a trigger
 * whatever the client sends. */
static const char shared_setup[] =
    "DO $$\n"
    "DECLARE r text;\n"
    "BEGIN\n"
    "  FOREACH r IN ARRAY ARRAY ['lexsarah_receiver', "
    "'lexsarah_investigator',\n"
    "      'lexsarah_decision_maker', 'lexsarah_notifier', "
    "'lexsarah_administrator'] LOOP\n"
    "    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN\n"
    "      BEGIN\n"
    "        EXECUTE format ('CREATE ROLE %I NOLOGIN', r);\n"
    "      EXCEPTION WHEN unique_violation OR duplicate_object THEN\n"
    "        NULL;\n"
    "      END;\n"
    "    END IF;\n"
    "  END LOOP;\n"
    "END $$;\n"
    "CREATE OR REPLACE FUNCTION lexsarah_in (grp text) RETURNS boolean\n"
    "  LANGUAGE sql STABLE AS $$\n"
    "  SELECT pg_has_role (current_user, 'lexsarah_' || grp, 'MEMBER')\n"
    "$$;\n"
    "CREATE OR REPLACE FUNCTION lexsarah_is_owner () RETURNS boolean\n"
    "  LANGUAGE sql STABLE AS $$\n"
    "  SELECT pg_has_role (current_user, (SELECT relowner FROM pg_class\n"
    "    WHERE oid = 'cases'::regclass), 'MEMBER')\n"
    "$$;\n"
    "CREATE OR REPLACE FUNCTION lexsarah_my_units () RETURNS SETOF text\n"
    "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$\n"
    "  SELECT unit FROM person_units WHERE role = session_user\n"
    "$$;\n"
    "CREATE OR REPLACE FUNCTION lexsarah_my_cases () RETURNS SETOF text\n"
    "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$\n"
    "  SELECT case_uuid FROM assignments WHERE role = session_user\n"
    "$$;\n"
    "CREATE OR REPLACE FUNCTION lexsarah_author () RETURNS text\n"
    "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$\n"
    "  SELECT coalesce ((SELECT name FROM people WHERE role = "
    "session_user),\n"
    "                   session_user::text)\n"
    "$$;\n"
    "CREATE OR REPLACE FUNCTION lexsarah_set_author () RETURNS trigger\n"
    "  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$\n"
    "DECLARE p record;\n"
    "BEGIN\n"
    "  IF TG_TABLE_NAME = 'history' THEN\n"
    "    NEW.who := lexsarah_author ();\n"
    "    RETURN NEW;\n"
    "  END IF;\n"
    "  SELECT name, title INTO p FROM people WHERE role = session_user;\n"
    "  NEW.json := jsonb_set (NEW.json::jsonb, '{author_name}',\n"
    "    to_jsonb (coalesce (p.name, session_user::text)))::text;\n"
    "  IF p.title IS NOT NULL THEN\n"
    "    NEW.json := jsonb_set (NEW.json::jsonb, '{author_title}',\n"
    "      to_jsonb (p.title))::text;\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END $$;\n"
    "DROP TRIGGER IF EXISTS history_author ON history;\n"
    "CREATE TRIGGER history_author BEFORE INSERT ON history\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_set_author ();\n"
    "DROP TRIGGER IF EXISTS journal_author ON journal;\n"
    "CREATE TRIGGER journal_author BEFORE INSERT ON journal\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_set_author ();\n"
    /* Grants: everyone reads the organisation and who is who; the case
     * roles write cases and add to the journal and the history; only the
     * administrator changes the organisation, the people and their units
     * and assignments. */
    "REVOKE ALL ON organisation, people, person_units, assignments, cases,\n"
    "  journal, history, attention, ls_schema FROM PUBLIC;\n"
    "GRANT SELECT ON organisation, people, person_units, assignments,\n"
    "  ls_schema TO lexsarah_receiver, lexsarah_investigator,\n"
    "  lexsarah_decision_maker, lexsarah_notifier, lexsarah_administrator;\n"
    "GRANT SELECT, INSERT, UPDATE ON cases TO lexsarah_receiver,\n"
    "  lexsarah_investigator, lexsarah_decision_maker, lexsarah_notifier;\n"
    "GRANT SELECT, INSERT ON journal, history TO lexsarah_receiver,\n"
    "  lexsarah_investigator, lexsarah_decision_maker, lexsarah_notifier;\n"
    "GRANT SELECT, INSERT, DELETE ON attention TO lexsarah_receiver,\n"
    "  lexsarah_investigator, lexsarah_decision_maker, lexsarah_notifier;\n"
    "GRANT SELECT ON cases, journal, history, attention TO "
    "lexsarah_administrator;\n"
    "GRANT INSERT, UPDATE, DELETE ON organisation, people, person_units,\n"
    "  assignments TO lexsarah_administrator;\n"
    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO lexsarah_receiver,\n"
    "  lexsarah_investigator, lexsarah_decision_maker, lexsarah_notifier;\n"
    /* Which cases: a receiver, a decision-maker and a notifier those of
     * their own units, an investigator those assigned to them, the
     * administrator and the owner all of them.  The session's groups are
     * asked in subqueries, which the server answers once a statement;
     * called as they are, it asked them again for every case it read
     * (a page of the list at 100,000 cases took 1.7 s). */
    "ALTER TABLE cases ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE cases FORCE ROW LEVEL SECURITY;\n"
    "DROP POLICY IF EXISTS cases_of_units ON cases;\n"
    "CREATE POLICY cases_of_units ON cases\n"
    "  USING ((SELECT lexsarah_in ('receiver') OR lexsarah_in "
    "('decision_maker')\n"
    "          OR lexsarah_in ('notifier'))\n"
    "         AND unit IN (SELECT lexsarah_my_units ()))\n"
    "  WITH CHECK ((SELECT lexsarah_in ('receiver') OR lexsarah_in "
    "('decision_maker')\n"
    "          OR lexsarah_in ('notifier'))\n"
    "         AND unit IN (SELECT lexsarah_my_units ()));\n"
    "DROP POLICY IF EXISTS cases_assigned ON cases;\n"
    "CREATE POLICY cases_assigned ON cases\n"
    "  USING ((SELECT lexsarah_in ('investigator'))\n"
    "         AND uuid IN (SELECT lexsarah_my_cases ()));\n"
    "DROP POLICY IF EXISTS cases_all_read ON cases;\n"
    "CREATE POLICY cases_all_read ON cases FOR SELECT\n"
    "  USING ((SELECT lexsarah_in ('administrator')));\n"
    "DROP POLICY IF EXISTS cases_owner ON cases;\n"
    "CREATE POLICY cases_owner ON cases USING ((SELECT lexsarah_is_owner "
    "()));\n"
    /* What belongs to a case is seen with the case: the subquery is
     * itself bound by the policies of cases.  It asks for the one case
     * of the row: a set of every case the role sees, as it was, was read
     * whole for each statement, a history entry of a save too. */
    "ALTER TABLE journal ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE journal FORCE ROW LEVEL SECURITY;\n"
    "DROP POLICY IF EXISTS journal_of_cases ON journal;\n"
    "CREATE POLICY journal_of_cases ON journal\n"
    "  USING (EXISTS (SELECT FROM cases WHERE cases.id = journal.case_id));\n"
    "ALTER TABLE history ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE history FORCE ROW LEVEL SECURITY;\n"
    "DROP POLICY IF EXISTS history_of_cases ON history;\n"
    "CREATE POLICY history_of_cases ON history\n"
    "  USING (EXISTS (SELECT FROM cases WHERE cases.id = history.case_id));\n"
    "ALTER TABLE attention ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE attention FORCE ROW LEVEL SECURITY;\n"
    "DROP POLICY IF EXISTS attention_of_cases ON attention;\n"
    "CREATE POLICY attention_of_cases ON attention\n"
    "  USING (EXISTS (SELECT FROM cases WHERE cases.id = "
    "attention.case_id));\n"
    /* The separated duties of the routines (the advice to 7 kap.): only a
     * decision-maker sets or changes an investigation's conclusion, and
     * only a notifier records the notification as made or the finished
     * investigation as sent to IVO.  A policy sees only the new row, so a
     * trigger compares the old content with the new; the owner (an
     * import, a move from a file) and a superuser may do both. */
    "CREATE OR REPLACE FUNCTION lexsarah_changed (a text, b text, "
    "part text,\n"
    "    keys text[]) RETURNS boolean\n"
    "  LANGUAGE sql IMMUTABLE AS $$\n"
    "  SELECT EXISTS (SELECT FROM unnest (keys) AS k WHERE\n"
    "    nullif (coalesce (a::jsonb, '{}') -> part -> k, 'null')\n"
    "      IS DISTINCT FROM\n"
    "    nullif (coalesce (b::jsonb, '{}') -> part -> k, 'null'))\n"
    "$$;\n"
    "CREATE OR REPLACE FUNCTION lexsarah_check_duties () RETURNS trigger\n"
    "  LANGUAGE plpgsql AS $$\n"
    "DECLARE old_json text;\n"
    "BEGIN\n"
    "  IF lexsarah_is_owner () THEN\n"
    "    RETURN NEW;\n"
    "  END IF;\n"
    "  IF TG_OP = 'UPDATE' THEN\n"
    "    old_json := OLD.json;\n"
    "  END IF;\n"
    "  IF NOT lexsarah_in ('decision_maker') AND lexsarah_changed (\n"
    "      old_json, NEW.json, 'investigation',\n"
    "      ARRAY ['conclusion', 'concluded_on', 'decided_by',\n"
    "             'decided_by_title']) THEN\n"
    "    RAISE EXCEPTION 'only a decision-maker may conclude'\n"
    "      USING ERRCODE = 'insufficient_privilege';\n"
    "  END IF;\n"
    "  IF NOT lexsarah_in ('notifier') AND lexsarah_changed (\n"
    "      old_json, NEW.json, 'notification',\n"
    "      ARRAY ['submitted_on', 'investigation_sent_on']) THEN\n"
    "    RAISE EXCEPTION 'only a notifier may notify'\n"
    "      USING ERRCODE = 'insufficient_privilege';\n"
    "  END IF;\n"
    "  RETURN NEW;\n"
    "END $$;\n"
    "DROP TRIGGER IF EXISTS cases_duties ON cases;\n"
    "CREATE TRIGGER cases_duties BEFORE INSERT OR UPDATE OF json ON cases\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_check_duties ();\n";

/* Team mode for what schema 2 added, in statements of its own so that
 * it is set up after (and apart from) the first part.  The register and
 * the routines are the organisation's: every role reads them, the
 * administrator (and the owner) writes them, under row-level security
 * as the cases are.  An attachment is seen and added with its case, by
 * whoever may work on the case; who added it is the session's role,
 * whatever the client sends. */
static const char shared_setup_v2[] =
    "REVOKE ALL ON register_people, register_occasions, register_routines,\n"
    "  attachments FROM PUBLIC;\n"
    "GRANT SELECT ON register_people, register_occasions, "
    "register_routines\n"
    "  TO lexsarah_receiver, lexsarah_investigator, "
    "lexsarah_decision_maker,\n"
    "  lexsarah_notifier, lexsarah_administrator;\n"
    "GRANT INSERT, UPDATE ON register_people, register_occasions,\n"
    "  register_routines TO lexsarah_administrator;\n"
    "GRANT USAGE ON SEQUENCE register_people_seq_seq, "
    "register_occasions_seq_seq,\n"
    "  register_routines_seq_seq TO lexsarah_administrator;\n"
    "GRANT SELECT, INSERT ON attachments TO lexsarah_receiver,\n"
    "  lexsarah_investigator, lexsarah_decision_maker, lexsarah_notifier;\n"
    "GRANT SELECT ON attachments TO lexsarah_administrator;\n"
    /* A new version of the routines changes what needs attention in the
     * open cases: the administrator who saves it writes their rows. */
    "GRANT INSERT, DELETE ON attention TO lexsarah_administrator;\n"
    /* Whether cases were added since the count: see count_cases. */
    "GRANT SELECT ON SEQUENCE cases_id_seq TO lexsarah_administrator;\n"
    "GRANT USAGE ON SEQUENCE attachments_id_seq TO lexsarah_receiver,\n"
    "  lexsarah_investigator, lexsarah_decision_maker, lexsarah_notifier;\n"
    "DO $$\n"
    "DECLARE t text;\n"
    "BEGIN\n"
    "  FOREACH t IN ARRAY ARRAY ['register_people', 'register_occasions',\n"
    "      'register_routines'] LOOP\n"
    "    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);\n"
    "    EXECUTE format ('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);\n"
    "    EXECUTE format ('DROP POLICY IF EXISTS %I ON %I', t || '_read', "
    "t);\n"
    "    EXECUTE format ('CREATE POLICY %I ON %I FOR SELECT USING (TRUE)',\n"
    "      t || '_read', t);\n"
    "    EXECUTE format ('DROP POLICY IF EXISTS %I ON %I', t || '_write', "
    "t);\n"
    "    EXECUTE format ('CREATE POLICY %I ON %I USING "
    "(lexsarah_in (''administrator'') '\n"
    "      'OR lexsarah_is_owner ())', t || '_write', t);\n"
    "  END LOOP;\n"
    "END $$;\n"
    "ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE attachments FORCE ROW LEVEL SECURITY;\n"
    "DROP POLICY IF EXISTS attachments_of_cases ON attachments;\n"
    "CREATE POLICY attachments_of_cases ON attachments\n"
    "  USING (EXISTS (SELECT FROM cases WHERE cases.id = "
    "attachments.case_id));\n"

    "CREATE OR REPLACE FUNCTION lexsarah_set_added_by () RETURNS trigger\n"
    "  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$\n"
    "BEGIN\n"
    "  NEW.added_by := lexsarah_author ();\n"
    "  RETURN NEW;\n"
    "END $$;\n"
    "DROP TRIGGER IF EXISTS attachments_added_by ON attachments;\n"
    "CREATE TRIGGER attachments_added_by BEFORE INSERT ON attachments\n"
    "  FOR EACH ROW EXECUTE FUNCTION lexsarah_set_added_by ();\n";

/* The steps of team mode's set-up, in order, each may run again. */
const char *
ls_pg_shared_setup_sql (guint part)
{
  switch (part)
    {
    case 0:
      return shared_setup;
    case 1:
      return shared_setup_v2;
    default:
      return NULL;
    }
}

/* ---- Versions and migration -------------------------------------------- */

int
ls_pg_read_version (LsPgConnection *conn, gboolean *foreign, GError **error)
{
  g_autoptr (PGresult) result = NULL;

  result = ls_pg_query (conn,
                        "SELECT to_regclass ('ls_schema') IS NOT NULL, "
                        "to_regclass ('cases') IS NOT NULL",
                        0, NULL, error);
  if (result == NULL)
    return -1;
  *foreign = FALSE;
  if (g_str_equal (PQgetvalue (result, 0, 0), "f"))
    {
      *foreign = g_str_equal (PQgetvalue (result, 0, 1), "t");
      return 0;
    }
  g_clear_pointer (&result, PQclear);
  result =
      ls_pg_query (conn, "SELECT max (version) FROM ls_schema", 0, NULL, error);
  if (result == NULL)
    return -1;
  return PQgetisnull (result, 0, 0) ? 0 : (int) ls_pg_int_value (result, 0, 0);
}

gboolean
ls_pg_check_version (int version, gboolean foreign, GError **error)
{
  if (foreign)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_A_DATABASE,
                   _ ("The database on the server is not a Lex Sarah case "
                      "database."));
      return FALSE;
    }
  if (version > LS_PG_SCHEMA_VERSION)
    {
      g_set_error (error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_NEW,
                   _ ("The shared case database was set up by a newer "
                      "version of Lex Sarah. Update Lex Sarah to use it; the "
                      "database was left as it is."));
      return FALSE;
    }
  return TRUE;
}

/* Runs the team's set-up, every part of which may run again, inside a
 * transaction of the writer. */
gboolean
ls_pg_run_team_setup (LsPgStore *self, GError **error)
{
  for (guint part = 0; ls_pg_shared_setup_sql (part) != NULL; part++)
    if (!ls_pg_run (&self->writer, ls_pg_shared_setup_sql (part), 0, NULL,
                    error))
      return FALSE;
  return TRUE;
}

static gboolean
set_up_team_if_shared (LsPgStore *self, GError **error)
{
  g_autoptr (PGresult) shared = ls_pg_query (
      &self->writer, "SELECT to_regproc ('lexsarah_author') IS NOT NULL", 0,
      NULL, error);

  if (shared == NULL)
    return FALSE;
  return !g_str_equal (PQgetvalue (shared, 0, 0), "t") ||
         ls_pg_run_team_setup (self, error);
}

/* Migrates in one transaction, under a lock that another client opening
 * the same database at once waits for; what it finds then is checked
 * again. */
gboolean
ls_pg_migrate (LsPgStore *self, GError **error)
{
  g_autoptr (GRecMutexLocker) locker =
      g_rec_mutex_locker_new (&self->writer.mutex);
  gboolean foreign = FALSE;
  int version;

  if (!ls_pg_begin (self, error))
    return FALSE;
  if (!ls_pg_run (&self->writer,
                  "SELECT pg_advisory_xact_lock (hashtext ('lexsarah'))", 0,
                  NULL, error))
    goto fail;
  version = ls_pg_read_version (&self->writer, &foreign, error);
  if (version < 0 || !ls_pg_check_version (version, foreign, error))
    goto fail;
  for (int step = version + 1; step <= LS_PG_SCHEMA_VERSION; step++)
    {
      g_autofree char *number = g_strdup_printf ("%d", step);
      const char *params[] = { number };

      if (!ls_pg_run (&self->writer, ls_pg_schema_step (step), 0, NULL,
                      error) ||
          !ls_pg_run (&self->writer, "DELETE FROM ls_schema", 0, NULL, error) ||
          !ls_pg_run (&self->writer,
                      "INSERT INTO ls_schema (version) VALUES ($1)", 1, params,
                      error))
        goto fail;
      g_debug ("Migrated the shared case database to schema %d", step);
    }
  /* A database set up for a team gets this version's set-up too (its
   * policies), as --init-shared-database would give it. */
  if (!set_up_team_if_shared (self, error))
    goto fail;
  return ls_pg_commit (self, error);

fail:
  ls_pg_rollback (self);
  return FALSE;
}

/* Says what to do about a schema older than this version's that the
 * session may not bring up to date: only the database's owner may
 * change it, with --init-shared-database (docs/team-mode.md). */
static void
set_needs_init (int version, GError **error)
{
  if (version == 0)
    g_set_error_literal (
        error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
        _ ("There is no case database on the server yet: ask your IT to run "
           "lexsarah --init-shared-database."));
  else
    g_set_error_literal (
        error, LS_STORE_ERROR, LS_STORE_ERROR_TOO_OLD,
        _ ("The shared case database was set up by an older version of Lex "
           "Sarah and must be upgraded before this version can use it. Ask "
           "your IT to run lexsarah --init-shared-database as the "
           "database’s owner; the database was left as it is."));
}

/**
 * ls_pg_bring_up_to_date:
 * @version: the schema the database has, from ls_pg_read_version()
 *
 * Migrates a database of an older schema as it is opened, when the store
 * is not read-only.  A session that may not (a member of the team, not
 * the database's owner) is told to have --init-shared-database run, and
 * nothing is changed.
 *
 * Returns: whether the database has this version's schema
 */
gboolean
ls_pg_bring_up_to_date (LsPgStore *self, int version, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (version >= LS_PG_SCHEMA_VERSION)
    return TRUE;
  if (!self->read_only)
    {
      if (ls_pg_migrate (self, &local_error))
        return TRUE;
      if (!g_error_matches (local_error, LS_STORE_ERROR, LS_STORE_ERROR_DENIED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  set_needs_init (version, error);
  return FALSE;
}

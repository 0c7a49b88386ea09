/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ls-core-test.h"

/* The catalogue of bad input: damaged exchange documents, files that are
 * not documents and outputs that must not be written, each given to the
 * real `lexsarah` binary as a user would.  Every one must be refused with
 * one line on stderr that names the member (never the value planted in
 * it), and the database must be left as it was: its export before and
 * after is compared byte for byte.  A few documents are rightly accepted.
 *
 * With LS_BAD_INPUT_CORPUS set to a folder, the documents are also written
 * there, as the fuzz target's seed corpus. */

static const char *binary;

#define CLOSED_UUID "108402d6-8410-4307-a298-64786b3633aa"
#define UNIT_IN_USE "6637c86c-a47f-4dae-8000-0b60995e4035"
#define PLANTED "Karin Hemlig"

typedef enum
{
  INPUT_IMPORT,  /* --import the document */
  INPUT_SPECIAL, /* --import a file made by make() */
  OUTPUT_EXPORT, /* --export to the path made by make() */
  OUTPUT_PDF,    /* --investigation-pdf --output the path made by make() */
  ACCEPT_IMPORT, /* --import the document, rightly accepted */
} EntryKind;

typedef struct _Catalogue Catalogue;

typedef struct
{
  const char *name;
  EntryKind kind;
  /* Changes the example: the object at @path gets @member set to the JSON
   * @value, or removed when @value is NULL. */
  const char *path;
  const char *member;
  const char *value;
  /* Or, for other spoils, the whole text from the example's. */
  char *(*spoil) (const char *example);
  /* Or, for special files and outputs, the path to give. */
  char *(*make) (Catalogue *c);
  const char *part;    /* stderr holds this */
  const char *planted; /* and never this */
} Entry;

struct _Catalogue
{
  char *dir;
  char *base_db;
  char *db;
  char *example_text;
  char *corpus;
  guint tried, refused, accepted, crashed, hung, lost;
  GPtrArray *failures;
};

/* ---- Spoils ------------------------------------------------------------ */

static char *
spoil_nul (const char *example)
{
  g_autoptr (GString) s = g_string_new (example);

  g_assert_cmpuint (g_string_replace (s, "\"description\": \"Anna Svensson",
                                      "\"description\": \"Anna\\u0000" PLANTED,
                                      1),
                    ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
spoil_twice (const char *example)
{
  return g_strconcat (example, "\n", example, NULL);
}

static char *
spoil_trailing (const char *example)
{
  return g_strconcat (example, " {\"" PLANTED "\": 1}", NULL);
}

static char *
spoil_syntax (const char *example)
{
  return g_strdup ("{\"format\": \"lexsarah\", \"version\": 1,\n"
                   "  \"organisation\": " PLANTED " }");
}

static char *
spoil_junk (const char *example)
{
  return g_strdup ("Det här är inte JSON {");
}

static char *
spoil_empty (const char *example)
{
  return g_strdup ("");
}

static char *
spoil_array (const char *example)
{
  return g_strdup ("[1, 2]");
}

static char *
spoil_deep (const char *example)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (s, '[');
  return g_string_free (s, FALSE);
}

static char *
spoil_eight_deep (const char *example)
{
  /* Deeper than the format but within the limit: refused by shape. */
  return g_strdup (
      "{\"format\": \"lexsarah\", \"version\": 1, "
      "\"organisation\": null, \"cases\": [[[[[[[[[[[[1]]]]]]]]]]]]}");
}

static char *
spoil_long_member (const char *example)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (GString) s = g_string_new (example);

  for (guint i = 0; i < 20000; i++)
    g_string_append (name, "x");
  g_string_append (name, "\\n\\u001b[2J" PLANTED);
  g_string_prepend (name, "\"report\": {\"");
  g_string_append (name, "\": 1, ");
  g_string_replace (s, "\"report\": {", name->str, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
spoil_dup_uuid (const char *example)
{
  g_autoptr (GString) s = g_string_new (example);

  g_string_replace (s, "2964fd60-6bce-47ca-b9e8-3be54621b4eb", CLOSED_UUID, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A personal identity number with its check digit, of someone born on
 * the day after tomorrow. */
static char *
unborn_pnr (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 2);
  g_autofree char *ten = g_date_time_format (later, "%y%m%d238");
  guint sum = 0;

  for (guint i = 0; i < 9; i++)
    {
      guint d = (ten[i] - '0') * (i % 2 == 0 ? 2 : 1);

      sum += d > 9 ? d - 9 : d;
    }
  g_autofree char *century = g_date_time_format (later, "%C");

  return g_strdup_printf ("%.2s%.6s-%.3s%u", century, ten, ten + 6,
                          (10 - sum % 10) % 10);
}

static char *
spoil_unborn (const char *example)
{
  g_autoptr (GString) s = g_string_new (example);
  g_autofree char *pnr = unborn_pnr ();

  g_assert_cmpuint (g_string_replace (s, "19520228-4781", pnr, 0), ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
spoil_unit_removed (const char *example)
{
  g_autoptr (JsonNode) root = json_from_string (example, NULL);
  JsonObject *document = json_node_get_object (root);
  JsonArray *units = json_object_get_array_member (
      json_object_get_object_member (document, "organisation"), "units");

  /* No case of the document uses it any more: the stored ones do. */
  json_object_set_array_member (document, "cases", json_array_new ());
  json_array_remove_element (units, 0);
  return json_to_string (root, TRUE);
}

static char *
spoil_bad_pnr (const char *example)
{
  g_autoptr (GString) s = g_string_new (example);

  g_string_replace (s, "19520228-4781", "19520228-4782", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- Special files and outputs ----------------------------------------- */

static char *
make_dev_zero (Catalogue *c)
{
  return g_strdup ("/dev/zero");
}

/* A character device to write to: as root, a node of its own made like
 * /dev/null, so that a build without the fix replaces that, not the
 * system's. */
static char *
make_device (Catalogue *c)
{
  char *path = g_build_filename (c->dir, "null-device", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS) ||
      mknod (path, S_IFCHR | 0600, makedev (1, 3)) == 0)
    return path;
  g_free (path);
  return g_strdup ("/dev/null");
}

static char *
make_missing (Catalogue *c)
{
  return g_build_filename (c->dir, "no-such-folder", "cases.json", NULL);
}

static char *
make_fifo (Catalogue *c)
{
  char *path = g_build_filename (c->dir, "fifo.json", NULL);

  g_unlink (path);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

static char *
make_folder (Catalogue *c)
{
  char *path = g_build_filename (c->dir, "folder.json", NULL);

  g_mkdir (path, 0700);
  return path;
}

static char *
make_huge (Catalogue *c)
{
  char *path = g_build_filename (c->dir, "huge.json", NULL);
  int fd = g_open (path, O_CREAT | O_TRUNC | O_WRONLY, 0600);

  /* Sparse: 65 MiB on the file's size, nothing on the disk. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "[", 1), ==, 1);
  g_assert_cmpint (ftruncate (fd, 65 * 1024 * 1024), ==, 0);
  close (fd);
  return path;
}

static char *
make_database (Catalogue *c)
{
  return g_strdup (c->db);
}

static char *
make_wal (Catalogue *c)
{
  return g_strconcat (c->db, "-wal", NULL);
}

static char *
make_shm (Catalogue *c)
{
  return g_strconcat (c->db, "-shm", NULL);
}

static char *
make_hard_link (Catalogue *c)
{
  char *path = g_build_filename (c->dir, "another-name.json", NULL);

  g_unlink (path);
  g_assert_cmpint (link (c->db, path), ==, 0);
  return path;
}

static char *
make_symlink (Catalogue *c)
{
  char *path = g_build_filename (c->dir, "pointer.json", NULL);

  g_unlink (path);
  g_assert_cmpint (symlink (c->db, path), ==, 0);
  return path;
}

static char *
make_relative (Catalogue *c)
{
  /* The same file through another spelling of its folder. */
  g_autofree char *base = g_path_get_basename (c->db);

  return g_build_filename (c->dir, ".", base, NULL);
}

/* ---- The catalogue ----------------------------------------------------- */

#define C0 "cases[0]"
#define C1 "cases[1]"

static const Entry entries[] = {
  /* 1: a missing or null member never erases what is stored. */
  { "notification null", INPUT_IMPORT, C0, "notification", "null", NULL, NULL,
    C0 ".notification", NULL },
  { "notification missing", INPUT_IMPORT, C0, "notification", NULL, NULL, NULL,
    C0 ".notification", NULL },
  { "report null", INPUT_IMPORT, C0, "report", "null", NULL, NULL, C0 ".report",
    NULL },
  { "report missing", INPUT_IMPORT, C1, "report", NULL, NULL, NULL,
    C1 ".report", NULL },
  { "investigation missing", INPUT_IMPORT, C0, "investigation", NULL, NULL,
    NULL, C0 ".investigation", NULL },
  { "lessons learned missing", INPUT_IMPORT, C0, "lessons_learned", NULL, NULL,
    NULL, C0 ".lessons_learned", NULL },
  { "lessons learned emptied", INPUT_IMPORT, C0, "lessons_learned", "null",
    NULL, NULL, C0 ".lessons_learned", NULL },
  { "submission emptied", INPUT_IMPORT, C0 ".notification", "submitted_on",
    "null", NULL, NULL, C0 ".notification.submitted_on", NULL },
  { "description emptied", INPUT_IMPORT, C1 ".report", "description", "null",
    NULL, NULL, C1 ".report.description", NULL },
  { "individuals left out", INPUT_IMPORT, C0 ".report", "individuals", "[]",
    NULL, NULL, C0 ".report.individuals", NULL },
  { "seriousness undecided again", INPUT_IMPORT, C0 ".investigation",
    "seriousness", "\"undecided\"", NULL, NULL, C0 ".investigation.seriousness",
    NULL },
  { "individual's name missing", INPUT_IMPORT, C0 ".report.individuals[0]",
    "name", NULL, NULL, NULL, "individuals[0].name", NULL },
  { "organisation name null", INPUT_IMPORT, "organisation", "name", "null",
    NULL, NULL, "organisation.name", NULL },
  { "organisation name missing", INPUT_IMPORT, "organisation", "name", NULL,
    NULL, NULL, "organisation.name", NULL },
  { "organisation missing", INPUT_IMPORT, "", "organisation", NULL, NULL, NULL,
    "organisation", NULL },
  { "cases missing", INPUT_IMPORT, "", "cases", NULL, NULL, NULL, "cases",
    NULL },
  { "contact emptied", INPUT_IMPORT, "organisation", "contact_name", "null",
    NULL, NULL, "organisation.contact_name", NULL },
  /* 2: no unit that stored cases use removed, no other organisation. */
  { "unit in use removed", INPUT_IMPORT, NULL, NULL, NULL, spoil_unit_removed,
    NULL, UNIT_IN_USE, NULL },
  { "another organisation's name", INPUT_IMPORT, "organisation", "name",
    "\"Omsorgsnämnden i Grannkommunen\"", NULL, NULL, "organisation.name",
    "Grannkommunen" },
  { "another kind of organisation", INPUT_IMPORT, "organisation", "kind",
    "\"private-provider\"", NULL, NULL, "organisation.kind", NULL },
  /* 3: a NUL character. */
  { "NUL in a text", INPUT_IMPORT, NULL, NULL, NULL, spoil_nul, NULL,
    C0 ".report.description", PLANTED },
  /* 4: a case twice, a document twice. */
  { "two cases with one uuid", INPUT_IMPORT, NULL, NULL, NULL, spoil_dup_uuid,
    NULL, "cases[1]", NULL },
  { "two documents in one file", INPUT_IMPORT, NULL, NULL, NULL, spoil_twice,
    NULL, "more than one JSON document", NULL },
  { "something after the document", INPUT_IMPORT, NULL, NULL, NULL,
    spoil_trailing, NULL, "more than one JSON document", PLANTED },
  /* 5: every member checked as the report's are. */
  { "registered after today", INPUT_IMPORT, C1, "created_at",
    "\"2099-01-01T10:00:00+01:00\"", NULL, NULL, C1 ".created_at", NULL },
  { "documented after today", INPUT_IMPORT, C1 ".investigation.journal[0]",
    "documented_on", "\"2099-01-01\"", NULL, NULL, "journal[0].documented_on",
    NULL },
  { "concluded after today", INPUT_IMPORT, C0 ".investigation", "concluded_on",
    "\"2099-01-01\"", NULL, NULL, C0 ".investigation.concluded_on", NULL },
  { "submitted after today", INPUT_IMPORT, C0 ".notification", "submitted_on",
    "\"2099-01-01\"", NULL, NULL, C0 ".notification.submitted_on", NULL },
  { "born after today", INPUT_IMPORT, NULL, NULL, NULL, spoil_unborn, NULL,
    "personal_number", NULL },
  { "offset of 24 hours", INPUT_IMPORT, C1 ".report", "received_at",
    "\"2026-03-09T13:50:00+24:00\"", NULL, NULL, C1 ".report.received_at",
    "+24:00" },
  { "sixtieth second", INPUT_IMPORT, C1, "created_at",
    "\"2026-03-09T14:05:60+01:00\"", NULL, NULL, C1 ".created_at", ":60" },
  { "unknown IVO department", INPUT_IMPORT, "organisation", "department",
    "\"vasterbotten\"", NULL, NULL, "organisation.department", "vasterbotten" },
  { "linked case not a uuid", INPUT_IMPORT, C1 ".investigation", "linked_cases",
    "[\"" PLANTED "\"]", NULL, NULL, C1 ".investigation.linked_cases[0]",
    PLANTED },
  /* 11: inputs without limits. */
  { "/dev/zero", INPUT_SPECIAL, NULL, NULL, NULL, NULL, make_dev_zero,
    "not a regular file", NULL },
  { "FIFO without a writer", INPUT_SPECIAL, NULL, NULL, NULL, NULL, make_fifo,
    "not a regular file", NULL },
  { "a folder", INPUT_SPECIAL, NULL, NULL, NULL, NULL, make_folder,
    "not a regular file", NULL },
  { "over 64 MiB", INPUT_SPECIAL, NULL, NULL, NULL, NULL, make_huge, "64 MiB",
    NULL },
  { "80,000 nested brackets", INPUT_IMPORT, NULL, NULL, NULL, spoil_deep, NULL,
    "deep", NULL },
  { "nested deeper than the format", INPUT_IMPORT, NULL, NULL, NULL,
    spoil_eight_deep, NULL, "Case 1", NULL },
  /* 12: messages never echo what they refuse. */
  { "a name where JSON is expected", INPUT_IMPORT, NULL, NULL, NULL,
    spoil_syntax, NULL, "line 2", "Karin" },
  { "a name as a date", INPUT_IMPORT, C1 ".report", "received_at",
    "\"" PLANTED "\"", NULL, NULL, C1 ".report.received_at", PLANTED },
  { "a name as an e-mail address", INPUT_IMPORT, "organisation", "email",
    "\"" PLANTED "\"", NULL, NULL, "organisation.email", PLANTED },
  { "a name as a postcode", INPUT_IMPORT, "organisation.units[0]", "postcode",
    "\"" PLANTED "\"", NULL, NULL, "units[0].postcode", PLANTED },
  { "a name as a category", INPUT_IMPORT, C1 ".report", "category",
    "\"" PLANTED "\"", NULL, NULL, "report.category", PLANTED },
  { "a name as a uuid", INPUT_IMPORT, C1 ".investigation.journal[0]",
    "corrects", "\"" PLANTED "\"", NULL, NULL, "journal[0].corrects", PLANTED },
  { "a long member name with control characters", INPUT_IMPORT, NULL, NULL,
    NULL, spoil_long_member, NULL, C0 ".report", "\x1b" },
  /* Earlier bad-input tests. */
  { "wrong check digit", INPUT_IMPORT, NULL, NULL, NULL, spoil_bad_pnr, NULL,
    "personal_number", "19520228" },
  { "not JSON", INPUT_IMPORT, NULL, NULL, NULL, spoil_junk, NULL, "line 1",
    NULL },
  { "an empty file", INPUT_IMPORT, NULL, NULL, NULL, spoil_empty, NULL, "ends",
    NULL },
  { "not an object", INPUT_IMPORT, NULL, NULL, NULL, spoil_array, NULL,
    "not a Lex Sarah exchange document", NULL },
  { "another format", INPUT_IMPORT, "", "format", "\"other\"", NULL, NULL,
    "not a Lex Sarah exchange document", NULL },
  { "a later version", INPUT_IMPORT, "", "version", "4", NULL, NULL,
    "version 4", NULL },
  { "a file that does not exist", INPUT_SPECIAL, NULL, NULL, NULL, NULL,
    make_missing, "cases.json", NULL },
  /* 7, 8: outputs that would destroy files. */
  { "export over the database", OUTPUT_EXPORT, NULL, NULL, NULL, NULL,
    make_database, "case database", NULL },
  { "export over its -wal", OUTPUT_EXPORT, NULL, NULL, NULL, NULL, make_wal,
    "case database", NULL },
  { "export over its -shm", OUTPUT_EXPORT, NULL, NULL, NULL, NULL, make_shm,
    "case database", NULL },
  { "export over a hard link to it", OUTPUT_EXPORT, NULL, NULL, NULL, NULL,
    make_hard_link, "case database", NULL },
  { "export over a symbolic link to it", OUTPUT_EXPORT, NULL, NULL, NULL, NULL,
    make_symlink, "case database", NULL },
  { "export over it by another path", OUTPUT_EXPORT, NULL, NULL, NULL, NULL,
    make_relative, "case database", NULL },
  { "export to a device", OUTPUT_EXPORT, NULL, NULL, NULL, NULL, make_device,
    "not a regular file", NULL },
  { "export to a FIFO", OUTPUT_EXPORT, NULL, NULL, NULL, NULL, make_fifo,
    "not a regular file", NULL },
  { "export to a folder", OUTPUT_EXPORT, NULL, NULL, NULL, NULL, make_folder,
    "not a regular file", NULL },
  { "PDF over the database", OUTPUT_PDF, NULL, NULL, NULL, NULL, make_database,
    "case database", NULL },
  { "PDF over its -wal", OUTPUT_PDF, NULL, NULL, NULL, NULL, make_wal,
    "case database", NULL },
  { "PDF to a device", OUTPUT_PDF, NULL, NULL, NULL, NULL, make_device,
    "not a regular file", NULL },
  { "PDF to a FIFO", OUTPUT_PDF, NULL, NULL, NULL, NULL, make_fifo,
    "not a regular file", NULL },
  /* Rightly accepted. */
  { "the example again", ACCEPT_IMPORT, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL },
  { "no organisation (null)", ACCEPT_IMPORT, "", "organisation", "null", NULL,
    NULL, NULL, NULL },
  { "no cases", ACCEPT_IMPORT, "", "cases", "[]", NULL, NULL, NULL, NULL },
  { "a lesson added", ACCEPT_IMPORT, C1, "lessons_learned",
    "\"Larmet provas varje vecka.\"", NULL, NULL, NULL, NULL },
};

/* ---- Running ----------------------------------------------------------- */

/* Runs the binary; the status as a shell gives it (128 + signal when
 * killed, 124 when it hung and `timeout` ended it). */
static int
run (char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "timeout");
  g_ptr_array_add (argv, (gpointer) "-s");
  g_ptr_array_add (argv, (gpointer) "KILL");
  g_ptr_array_add (argv, (gpointer) "120");
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process =
      ls_core_test_run_command ((const char *const *) argv->pdata, &out, err);
  g_assert_cmpstr (out, ==, "");
  if (!g_subprocess_get_if_exited (process))
    return 128 + g_subprocess_get_term_sig (process);
  return g_subprocess_get_exit_status (process);
}

static char *
export_text (Catalogue *c)
{
  g_autofree char *path = g_build_filename (c->dir, "check", "out.json", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *err = NULL;
  char *text = NULL;

  g_mkdir_with_parents (folder, 0700);
  g_unlink (path);
  g_assert_cmpint (run (&err, "--database", c->db, "--export", path, NULL), ==,
                   0);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The object at @path of the document, such as "cases[0].report". */
static JsonObject *
find_object (JsonObject *root, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;

  for (guint i = 0; parts[i] != NULL && *path != '\0'; i++)
    {
      char *bracket = strchr (parts[i], '[');
      guint index = bracket != NULL ? atoi (bracket + 1) : 0;

      if (bracket != NULL)
        *bracket = '\0';
      if (bracket != NULL)
        object = json_array_get_object_element (
            json_object_get_array_member (object, parts[i]), index);
      else
        object = json_object_get_object_member (object, parts[i]);
      g_assert_nonnull (object);
    }
  return object;
}

static char *
make_document (Catalogue *c, const Entry *e)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;

  if (e->spoil != NULL)
    return e->spoil (c->example_text);
  root = json_from_string (c->example_text, NULL);
  if (e->path != NULL)
    {
      object = find_object (json_node_get_object (root), e->path);
      if (e->value == NULL)
        {
          g_assert_true (json_object_has_member (object, e->member));
          json_object_remove_member (object, e->member);
        }
      else
        {
          json_object_set_member (object, e->member,
                                  json_from_string (e->value, NULL));
        }
    }
  return json_to_string (root, TRUE);
}

static void
fail (Catalogue *c, const Entry *e, const char *what, const char *err)
{
  g_autofree char *line = g_strdup_printf ("%s: %s (stderr: %.300s)", e->name,
                                           what, err != NULL ? err : "");

  g_test_message ("FAILED %s", line);
  g_ptr_array_add (c->failures, g_steal_pointer (&line));
}

static void
try_entry (Catalogue *c, const Entry *e, guint number)
{
  g_autofree char *input = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  struct stat st_before, st_after;
  gboolean special_before;
  int status;

  /* A fresh copy of the database for each. */
  {
    g_autoptr (GFile) from = g_file_new_for_path (c->base_db);
    g_autoptr (GFile) to = g_file_new_for_path (c->db);

    g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_chmod (c->db, 0600);
  }
  before = export_text (c);
  c->tried++;

  if (e->make != NULL)
    {
      input = e->make (c);
    }
  else
    {
      g_autofree char *text = make_document (c, e);

      input = g_build_filename (c->dir, "document.json", NULL);
      g_assert_true (g_file_set_contents (input, text, -1, NULL));
      if (c->corpus != NULL)
        {
          g_autofree char *name = g_strdup_printf ("bad-%02u.json", number);
          g_autofree char *path = g_build_filename (c->corpus, name, NULL);

          g_assert_true (g_file_set_contents (path, text, -1, NULL));
        }
    }
  special_before =
      g_stat (input, &st_before) == 0 && !S_ISREG (st_before.st_mode);

  g_test_message ("%s", e->name);
  if (e->kind == OUTPUT_EXPORT)
    status = run (&err, "--database", c->db, "--export", input, NULL);
  else if (e->kind == OUTPUT_PDF)
    status = run (&err, "--database", c->db, "--investigation-pdf",
                  "VON-2026-0003", "--output", input, NULL);
  else
    status = run (&err, "--database", c->db, "--import", input, NULL);

  if (status == 124 || status == 128 + SIGKILL)
    {
      c->hung++;
      fail (c, e, "hung", err);
      return;
    }
  if (status > 128)
    {
      c->crashed++;
      fail (c, e, "crashed", err);
      return;
    }

  after = export_text (c);
  if (e->kind == ACCEPT_IMPORT)
    {
      if (status != 0 || *err != '\0')
        fail (c, e, "was not accepted", err);
      else if (e->value != NULL && e->value[0] == '"' &&
               strstr (after, "Larmet provas") == NULL)
        fail (c, e, "was accepted but not stored", err);
      else
        c->accepted++;
      return;
    }

  if (!g_str_equal (before, after))
    {
      c->lost++;
      fail (c, e, "changed the database", err);
      return;
    }
  if (special_before &&
      (g_stat (input, &st_after) != 0 ||
       (st_after.st_mode & S_IFMT) != (st_before.st_mode & S_IFMT)))
    {
      fail (c, e, "replaced a special file", err);
      return;
    }
  if (status == 0)
    fail (c, e, "was accepted", err);
  else if (!g_str_has_suffix (err, "\n") ||
           strchr (err, '\n') != err + strlen (err) - 1)
    fail (c, e, "not one line", err);
  else if (strlen (err) > 1100)
    fail (c, e, "a line too long", err);
  else if (e->part != NULL && strstr (err, e->part) == NULL)
    fail (c, e, "does not name the member", err);
  else if (e->planted != NULL && strstr (err, e->planted) != NULL)
    fail (c, e, "echoes the value", err);
  else
    {
      g_test_message ("  %s", err);
      c->refused++;
    }
}

static void
test_catalogue (void)
{
  Catalogue c = { 0 };
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  g_autofree char *err = NULL;

  c.dir = ls_core_test_make_tmpdir ("bad-input");
  c.base_db = g_build_filename (c.dir, "base.db", NULL);
  c.db = g_build_filename (c.dir, "cases.db", NULL);
  c.corpus = g_strdup (g_getenv ("LS_BAD_INPUT_CORPUS"));
  c.failures = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (g_file_get_contents (example, &c.example_text, NULL, NULL));
  g_assert_cmpint (
      run (&err, "--database", c.base_db, "--import", example, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    try_entry (&c, &entries[i], i);

  g_test_message ("catalogue: %u tried, %u refused cleanly, %u rightly "
                  "accepted, %u crashed, %u hung, %u with data lost",
                  c.tried, c.refused, c.accepted, c.crashed, c.hung, c.lost);
  for (guint i = 0; i < c.failures->len; i++)
    g_test_message ("failure: %s", (char *) c.failures->pdata[i]);
  g_assert_cmpuint (c.failures->len, ==, 0);
  g_assert_cmpuint (c.crashed + c.hung + c.lost, ==, 0);
  g_assert_cmpuint (c.refused + c.accepted, ==, c.tried);

  ls_core_test_remove_tree (c.dir);
  g_free (c.dir);
  g_free (c.base_db);
  g_free (c.db);
  g_free (c.corpus);
  g_free (c.example_text);
  g_ptr_array_unref (c.failures);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, >=, 2);
  binary = argv[1];

  g_test_add_func ("/cli/bad-input/catalogue", test_catalogue);
  return g_test_run ();
}

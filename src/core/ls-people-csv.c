/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-error.h"
#include "ls-people-csv.h"

/*
 * The staff list an HR or staffing system exports, read into the register
 * (docs/people-csv.md): UTF-8, a header row, fields separated by ";" or
 * ",", quoted as spreadsheets quote them.  People are matched by their
 * staff number, so importing the same file again changes nothing.  Every
 * row is read and checked before the register is touched: one bad row,
 * named by its line, and nothing is imported.
 */

typedef enum
{
  COLUMN_STAFF_NUMBER,
  COLUMN_NAME,
  COLUMN_FIRST_NAME,
  COLUMN_LAST_NAME,
  COLUMN_CATEGORY,
  COLUMN_UNITS,
  COLUMN_STARTED_ON,
  COLUMN_ENDED_ON,
  N_COLUMNS
} Column;

/* The names a header may give each column, in English and in Swedish as
 * HR systems write them; compared without case. */
static const char *const column_names[N_COLUMNS][4] = {
  [COLUMN_STAFF_NUMBER] = { "staff_number", "anställningsnummer",
                            "anstallningsnummer", "personalnummer" },
  [COLUMN_NAME] = { "name", "namn", NULL, NULL },
  [COLUMN_FIRST_NAME] = { "first_name", "förnamn", "fornamn", NULL },
  [COLUMN_LAST_NAME] = { "last_name", "efternamn", NULL, NULL },
  [COLUMN_CATEGORY] = { "category", "kategori", "anställningsform", NULL },
  [COLUMN_UNITS] = { "units", "enhet", "enheter", "unit" },
  [COLUMN_STARTED_ON] = { "started_on", "startdatum", "anställd från", NULL },
  [COLUMN_ENDED_ON] = { "ended_on", "slutdatum", "anställd till", NULL },
};

typedef struct
{
  const char *word;
  LsReporterCategory category;
} CategoryWord;

static const CategoryWord category_words[] = {
  { "employee", LS_REPORTER_CATEGORY_EMPLOYEE },
  { "anställd", LS_REPORTER_CATEGORY_EMPLOYEE },
  { "contractor", LS_REPORTER_CATEGORY_CONTRACTOR },
  { "uppdragstagare", LS_REPORTER_CATEGORY_CONTRACTOR },
  { "konsult", LS_REPORTER_CATEGORY_CONTRACTOR },
  { "trainee", LS_REPORTER_CATEGORY_TRAINEE },
  { "praktikant", LS_REPORTER_CATEGORY_TRAINEE },
  { "programme-participant", LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT },
  { "deltagare", LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT },
  { "deltagare i arbetsmarknadspolitiskt program",
    LS_REPORTER_CATEGORY_PROGRAMME_PARTICIPANT },
};

/* One record of the file, with the line it began on. */
typedef struct
{
  guint line;
  GPtrArray *fields;
} Record;

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->fields);
  g_free (record);
}

static gboolean
bad_line (GError **error, guint line, const char *column, const char *message)
{
  if (column != NULL)
    /* Translators: a bad row of a staff list: the line number, the
     * column's name as the file's header has it, and what is wrong */
    g_set_error (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT,
                 _ ("Line %u, column “%s”: %s"), line, column, message);
  else
    g_set_error (error, LS_ERROR, LS_ERROR_BAD_DOCUMENT, _ ("Line %u: %s"),
                 line, message);
  return FALSE;
}

/* Splits @data into records of fields, as RFC 4180 has it: a quoted field
 * may hold the separator, quotes doubled and line breaks. */
static GPtrArray *
split_records (const char *data, char separator, GError **error)
{
  g_autoptr (GPtrArray) records =
      g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_autoptr (GString) field = g_string_new (NULL);
  Record *record = NULL;
  gboolean quoted = FALSE;
  guint line = 1;
  const char *p = data;

  for (;; p++)
    {
      char c = *p;

      if (record == NULL && c != '\0')
        {
          record = g_new0 (Record, 1);
          record->line = line;
          record->fields = g_ptr_array_new_with_free_func (g_free);
        }
      if (quoted)
        {
          if (c == '\0')
            {
              bad_line (error, record->line, NULL,
                        _ ("a quoted field is not closed."));
              record_free (record);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == separator)
        {
          g_ptr_array_add (record->fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\n' || c == '\0')
        {
          if (record != NULL)
            {
              if (field->len > 0 && field->str[field->len - 1] == '\r')
                g_string_truncate (field, field->len - 1);
              g_ptr_array_add (record->fields, g_strdup (field->str));
              g_string_truncate (field, 0);
              g_ptr_array_add (records, record);
              record = NULL;
            }
          if (c == '\0')
            break;
          line++;
        }
      else
        g_string_append_c (field, c);
    }
  return g_steal_pointer (&records);
}

static gboolean
is_blank_record (Record *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    if (g_strstrip ((char *) record->fields->pdata[i])[0] != '\0')
      return FALSE;
  return TRUE;
}

static int
find_column (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);

  g_strstrip (folded);
  for (int c = 0; c < N_COLUMNS; c++)
    for (guint i = 0; i < G_N_ELEMENTS (column_names[c]); i++)
      if (column_names[c][i] != NULL &&
          g_strcmp0 (folded, column_names[c][i]) == 0)
        return c;
  return -1;
}

/* What one row says of one person, checked. */
typedef struct
{
  guint line;
  char *staff_number;
  char *name;
  LsReporterCategory category;
  GStrv units;
  char *started_on;
  char *ended_on;
} Row;

static void
row_free (Row *row)
{
  g_free (row->staff_number);
  g_free (row->name);
  g_strfreev (row->units);
  g_free (row->started_on);
  g_free (row->ended_on);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_free)

static const char *
field_of (Record *record, const int *index, Column column)
{
  int i = index[column];

  if (i < 0 || (guint) i >= record->fields->len)
    return NULL;
  return g_strstrip ((char *) record->fields->pdata[i]);
}

static gboolean
read_category (const char *text, LsReporterCategory *category)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    {
      *category = LS_REPORTER_CATEGORY_EMPLOYEE;
      return TRUE;
    }
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (category_words); i++)
    if (strcmp (folded, category_words[i].word) == 0)
      {
        *category = category_words[i].category;
        return TRUE;
      }
  return FALSE;
}

static LsUnit *
find_unit (LsOrganisation *organisation, const char *text)
{
  GListModel *units = G_LIST_MODEL (ls_organisation_get_units (organisation));
  LsUnit *by_id = ls_organisation_find_unit (organisation, text);

  if (by_id != NULL)
    return by_id;
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr (LsUnit) unit = g_list_model_get_item (units, i);
      const char *name = ls_unit_get_name (unit);
      g_autofree char *a = g_utf8_casefold (text, -1);
      g_autofree char *b = name != NULL ? g_utf8_casefold (name, -1) : NULL;

      if (b != NULL && strcmp (a, b) == 0)
        return unit;
    }
  return NULL;
}

static gboolean
read_date (const char *text,
           guint line,
           const char *column,
           char **out,
           GError **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!ls_dates_validate (text, LS_DATES_DATE, NULL))
    return bad_line (error, line, column,
                     _ ("not a date; write it as 2026-03-01."));
  *out = g_strdup (text);
  return TRUE;
}

static Row *
read_row (Record *record,
          const int *index,
          GPtrArray *header,
          LsOrganisation *organisation,
          GError **error)
{
  g_autoptr (Row) row = g_new0 (Row, 1);
  const char *staff_number = field_of (record, index, COLUMN_STAFF_NUMBER);
  const char *name = field_of (record, index, COLUMN_NAME);
  const char *units = field_of (record, index, COLUMN_UNITS);
  g_autoptr (GStrvBuilder) unit_ids = g_strv_builder_new ();

#define HEADER(column) ((const char *) header->pdata[index[column]])

  row->line = record->line;
  if (record->fields->len > header->len)
    return bad_line (error, row->line, NULL,
                     _ ("the row has more fields than the header has "
                        "columns; check the separator and the quotes.")),
           NULL;
  if (staff_number == NULL || *staff_number == '\0')
    return bad_line (error, row->line, HEADER (COLUMN_STAFF_NUMBER),
                     _ ("every person needs a staff number.")),
           NULL;
  row->staff_number = g_strdup (staff_number);

  if (name != NULL && *name != '\0')
    row->name = g_strdup (name);
  else
    {
      const char *first = field_of (record, index, COLUMN_FIRST_NAME);
      const char *last = field_of (record, index, COLUMN_LAST_NAME);
      g_autofree char *joined = g_strjoin (" ", first != NULL ? first : "",
                                           last != NULL ? last : "", NULL);

      /* Some systems put the whole name in one of the two. */
      g_strstrip (joined);
      if (*joined != '\0')
        row->name = g_steal_pointer (&joined);
    }
  if (row->name == NULL)
    return bad_line (error, row->line,
                     index[COLUMN_NAME] >= 0 ? HEADER (COLUMN_NAME) : NULL,
                     _ ("every person needs a name.")),
           NULL;

  if (!read_category (field_of (record, index, COLUMN_CATEGORY),
                      &row->category))
    return bad_line (error, row->line, HEADER (COLUMN_CATEGORY),
                     _ ("not a category of 2 kap. 1 §: write employee, "
                        "contractor, trainee or programme-participant "
                        "(anställd, uppdragstagare, praktikant, deltagare).")),
           NULL;

  if (units != NULL && *units != '\0')
    {
      g_auto (GStrv) names = g_strsplit (units, "|", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          LsUnit *unit;

          g_strstrip (names[i]);
          if (*names[i] == '\0')
            continue;
          unit = find_unit (organisation, names[i]);
          if (unit == NULL)
            return bad_line (error, row->line, HEADER (COLUMN_UNITS),
                             _ ("the organisation has no unit of that name; "
                                "add the unit first or correct the name.")),
                   NULL;
          g_strv_builder_add (unit_ids, ls_unit_get_id (unit));
        }
    }
  row->units = g_strv_builder_end (unit_ids);

  if (!read_date (field_of (record, index, COLUMN_STARTED_ON), row->line,
                  HEADER (COLUMN_STARTED_ON), &row->started_on, error))
    return NULL;
  if (row->started_on == NULL)
    return bad_line (error, row->line, HEADER (COLUMN_STARTED_ON),
                     _ ("the day the engagement began is needed.")),
           NULL;
  if (index[COLUMN_ENDED_ON] >= 0 &&
      !read_date (field_of (record, index, COLUMN_ENDED_ON), row->line,
                  HEADER (COLUMN_ENDED_ON), &row->ended_on, error))
    return NULL;
  if (row->ended_on != NULL &&
      ls_dates_compare (row->ended_on, row->started_on) < 0)
    return bad_line (error, row->line, HEADER (COLUMN_ENDED_ON),
                     _ ("the engagement cannot end before it began.")),
           NULL;
#undef HEADER
  return g_steal_pointer (&row);
}

/* The separator is the one of ";" and "," the header has more of: a
 * Swedish spreadsheet writes ";", most systems ",". */
static char
guess_separator (const char *data)
{
  guint semicolons = 0, commas = 0;

  for (const char *p = data; *p != '\0' && *p != '\n'; p++)
    {
      if (*p == ';')
        semicolons++;
      else if (*p == ',')
        commas++;
    }
  return semicolons >= commas ? ';' : ',';
}

static gboolean
read_header (Record *record, int *index, GError **error)
{
  for (int c = 0; c < N_COLUMNS; c++)
    index[c] = -1;
  for (guint i = 0; i < record->fields->len; i++)
    {
      int c = find_column (record->fields->pdata[i]);

      if (c < 0)
        continue;
      if (index[c] >= 0)
        return bad_line (error, record->line, record->fields->pdata[i],
                         _ ("the header has this column twice."));
      index[c] = (int) i;
    }
  if (index[COLUMN_STAFF_NUMBER] < 0)
    return bad_line (error, record->line, NULL,
                     _ ("the header has no column staff_number "
                        "(anställningsnummer).")),
           FALSE;
  if (index[COLUMN_NAME] < 0 &&
      (index[COLUMN_FIRST_NAME] < 0 || index[COLUMN_LAST_NAME] < 0))
    return bad_line (error, record->line, NULL,
                     _ ("the header has no column name (namn), nor "
                        "first_name and last_name (förnamn, efternamn)."));
  if (index[COLUMN_STARTED_ON] < 0)
    return bad_line (error, record->line, NULL,
                     _ ("the header has no column started_on (startdatum)."));
  return TRUE;
}

static guint
line_of_offset (const char *data, const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* Whether @person changed; @row is applied to it. */
static gboolean
apply_row (LsPerson *person, Row *row)
{
  gboolean changed =
      g_strcmp0 (ls_person_get_name (person), row->name) != 0 ||
      ls_person_get_category (person) != row->category ||
      !g_strv_equal (ls_person_get_units (person) != NULL
                         ? ls_person_get_units (person)
                         : (const char *const[]){ NULL },
                     (const char *const *) row->units) ||
      g_strcmp0 (ls_person_get_started_on (person), row->started_on) != 0 ||
      g_strcmp0 (ls_person_get_ended_on (person), row->ended_on) != 0;

  ls_person_set_name (person, row->name);
  ls_person_set_category (person, row->category);
  ls_person_set_units (person, (const char *const *) row->units);
  ls_person_set_started_on (person, row->started_on);
  ls_person_set_ended_on (person, row->ended_on);
  return changed;
}

/**
 * ls_people_csv_import:
 * @data: the file's content
 * @length: its length, or -1 when it ends with a NUL
 * @today: the day, "2026-03-01": the end date of people who are gone
 * @counts: (out) (optional): what the import did
 *
 * Reads a staff list into @register_.  People are matched by staff
 * number: a new number is a new person, a known one is updated to what
 * the file says.  A person the register has from an earlier list (one
 * with a staff number) who is not in this one has left: they are given
 * @today as end date, and kept.  People entered by hand, without a staff
 * number, are left alone.
 *
 * Returns: %TRUE, or %FALSE with @error naming the first bad line and
 *   column, and @register_ as it was
 */
gboolean
ls_people_csv_import (LsPeopleRegister *register_,
                      LsOrganisation *organisation,
                      const char *data,
                      gssize length,
                      const char *today,
                      LsPeopleCsvCounts *counts,
                      GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) seen = NULL;
  LsPeopleCsvCounts done = { 0 };
  GListModel *people;
  const char *end = NULL;
  int index[N_COLUMNS];
  Record *header;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (register_), FALSE);
  g_return_val_if_fail (LS_IS_ORGANISATION (organisation), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  text = g_strndup (data, (gsize) length);
  if (memchr (data, '\0', (gsize) length) != NULL ||
      !g_utf8_validate (text, -1, &end))
    return bad_line (error, line_of_offset (text, end != NULL ? end : text),
                     NULL,
                     _ ("the file is not UTF-8 text; export it from the HR "
                        "system as UTF-8."));
  /* A byte order mark, as spreadsheets write one. */
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    memmove (text, text + 3, strlen (text + 3) + 1);

  records = split_records (text, guess_separator (text), error);
  if (records == NULL)
    return FALSE;
  for (guint i = records->len; i > 0; i--)
    if (is_blank_record (records->pdata[i - 1]))
      g_ptr_array_remove_index (records, i - 1);
  if (records->len == 0)
    return bad_line (error, 1, NULL, _ ("the file is empty."));
  header = records->pdata[0];
  if (!read_header (header, index, error))
    return FALSE;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < records->len; i++)
    {
      Record *record = records->pdata[i];
      Row *row = read_row (record, index, header->fields, organisation, error);

      if (row == NULL)
        return FALSE;
      g_ptr_array_add (rows, row);
      if (!g_hash_table_add (seen, row->staff_number))
        return bad_line (error, row->line,
                         header->fields->pdata[index[COLUMN_STAFF_NUMBER]],
                         _ ("another row has the same staff number."));
    }

  /* Everything is read and checked: only now is the register changed. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = rows->pdata[i];
      LsPerson *person =
          ls_people_register_find_staff_number (register_, row->staff_number);

      if (person == NULL)
        {
          g_autoptr (LsPerson) added = ls_person_new ();

          ls_person_set_staff_number (added, row->staff_number);
          apply_row (added, row);
          g_list_store_append (ls_people_register_get_people (register_),
                               added);
          done.added++;
        }
      else if (apply_row (person, row))
        done.changed++;
      else
        done.unchanged++;
    }

  people = G_LIST_MODEL (ls_people_register_get_people (register_));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr (LsPerson) person = g_list_model_get_item (people, i);
      const char *staff_number = ls_person_get_staff_number (person);

      if (staff_number == NULL || g_hash_table_contains (seen, staff_number) ||
          ls_person_get_ended_on (person) != NULL)
        continue;
      ls_person_set_ended_on (person, today);
      done.ended++;
    }

  if (counts != NULL)
    *counts = done;
  return TRUE;
}

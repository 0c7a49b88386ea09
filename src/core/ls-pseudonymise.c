/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-pseudonymise"

#include "config.h"

#include <string.h>

#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-organisation.h"
#include "ls-pseudonymise.h"
#include "ls-unit.h"

/* What may be shared across units or with politicians (the learning
 * digest) must not name anyone: every name and number a case knows is
 * replaced in its free text by the role it stands for, and so is anything
 * shaped like a personal identity number, a phone number, an e-mail
 * address or a registration number, which the case may hold of someone
 * else.  Where in doubt more is replaced, never less: a name that is also
 * a word ("Berg") goes wherever it stands. */

static const char *const role_texts[LS_PSEUDONYM_N_ROLES] = {
  [LS_PSEUDONYM_INDIVIDUAL] = "[den enskilde]",
  [LS_PSEUDONYM_STAFF] = "[medarbetare]",
  [LS_PSEUDONYM_PERSONAL_NUMBER] = "[personnummer]",
  [LS_PSEUDONYM_PHONE] = "[telefonnummer]",
  [LS_PSEUDONYM_ADDRESS] = "[adress]",
  [LS_PSEUDONYM_EMAIL] = "[e-post]",
  [LS_PSEUDONYM_REGNO] = "[diarienummer]",
};

/* The order the known values are replaced in: numbers before names, so
 * that a name inside an e-mail address does not leave the rest of it, and
 * the individual before staff, should one name be both. */
static const LsPseudonymRole order[] = {
  LS_PSEUDONYM_PERSONAL_NUMBER, LS_PSEUDONYM_EMAIL,   LS_PSEUDONYM_REGNO,
  LS_PSEUDONYM_PHONE,           LS_PSEUDONYM_ADDRESS, LS_PSEUDONYM_INDIVIDUAL,
  LS_PSEUDONYM_STAFF,
};

/* Shapes, for what no field of the case holds.  Letters and digits on
 * either side are looked at as Unicode, so that "Åsa" is one word. */
static const struct
{
  LsPseudonymRole role;
  const char *pattern;
} shapes[] = {
  /* 19380415-2340, 380415-2340, 193804152340, and coordination numbers. */
  { LS_PSEUDONYM_PERSONAL_NUMBER,
    "(?<![\\p{N}])(?:\\d{2})?\\d{6}[-+\\s]?\\d{4}(?![\\p{N}])" },
  { LS_PSEUDONYM_EMAIL,
    "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+" },
  /* 019-10 00 00, 070-123 45 67, 08-123 456 78, +46 70 123 45 67; not a
   * time (06.40) or a date (2026-03-02). */
  { LS_PSEUDONYM_PHONE, "(?<![\\p{N}+])(?:\\+46[\\s-]?|0)\\d{1,3}"
                        "(?:[\\s-]?\\d){5,8}(?![\\p{N}])" },
  /* VON-2026-0003 */
  { LS_PSEUDONYM_REGNO,
    "(?<![\\p{L}\\p{N}])\\p{Lu}{2,}-\\d{4}-\\d{1,6}(?![\\p{N}])" },
};

/* The property names of the model whose values name someone or something
 * that must not be shared.  "name" is the individual's in LsIndividual
 * and the investigator's in LsInvestigator; elsewhere it names a unit or
 * an organisation, which the digest does show. */
static const struct
{
  const char *property;
  LsPseudonymRole role;
} fields[] = {
  { "reporter-name", LS_PSEUDONYM_STAFF },
  { "received-by", LS_PSEUDONYM_STAFF },
  { "responsible", LS_PSEUDONYM_STAFF },
  { "author-name", LS_PSEUDONYM_STAFF },
  { "decided-by", LS_PSEUDONYM_STAFF },
  { "contact-name", LS_PSEUDONYM_STAFF },
  { "signatory", LS_PSEUDONYM_STAFF },
  { "personal-number", LS_PSEUDONYM_PERSONAL_NUMBER },
  { "phone", LS_PSEUDONYM_PHONE },
  { "unit-phone", LS_PSEUDONYM_PHONE },
  { "postal-address", LS_PSEUDONYM_ADDRESS },
  { "street-address", LS_PSEUDONYM_ADDRESS },
  { "unit-street-address", LS_PSEUDONYM_ADDRESS },
  { "email", LS_PSEUDONYM_EMAIL },
  { "regno", LS_PSEUDONYM_REGNO },
};

struct _LsPseudonymiser
{
  GObject parent_instance;

  GHashTable *values[LS_PSEUDONYM_N_ROLES]; /* pattern -> NULL */
  GRegex *known[LS_PSEUDONYM_N_ROLES];      /* NULL until needed */
  GRegex *shapes[G_N_ELEMENTS (shapes)];
};

G_DEFINE_FINAL_TYPE (LsPseudonymiser, ls_pseudonymiser, G_TYPE_OBJECT)

static void
ls_pseudonymiser_finalize (GObject *object)
{
  LsPseudonymiser *self = LS_PSEUDONYMISER (object);

  for (guint i = 0; i < LS_PSEUDONYM_N_ROLES; i++)
    {
      g_clear_pointer (&self->values[i], g_hash_table_unref);
      g_clear_pointer (&self->known[i], g_regex_unref);
    }
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    g_clear_pointer (&self->shapes[i], g_regex_unref);

  G_OBJECT_CLASS (ls_pseudonymiser_parent_class)->finalize (object);
}

static void
ls_pseudonymiser_class_init (LsPseudonymiserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ls_pseudonymiser_finalize;
}

static void
ls_pseudonymiser_init (LsPseudonymiser *self)
{
  for (guint i = 0; i < LS_PSEUDONYM_N_ROLES; i++)
    self->values[i] =
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr (GError) error = NULL;

      self->shapes[i] =
          g_regex_new (shapes[i].pattern, G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);
    }
}

LsPseudonymiser *
ls_pseudonymiser_new (void)
{
  return g_object_new (LS_TYPE_PSEUDONYMISER, NULL);
}

const char *
ls_pseudonymiser_role_text (LsPseudonymRole role)
{
  g_return_val_if_fail (role < LS_PSEUDONYM_N_ROLES, NULL);

  return role_texts[role];
}

/* A pattern for @text whose words may be parted by any white space, and
 * whose digits by spaces or hyphens or nothing, as numbers are written. */
static char *
dup_pattern (const char *text, gboolean digits_only)
{
  GString *pattern = g_string_new (NULL);

  if (digits_only)
    {
      for (const char *p = text; *p; p++)
        if (g_ascii_isdigit (*p))
          {
            if (pattern->len > 0)
              g_string_append (pattern, "[\\s-]?");
            g_string_append_c (pattern, *p);
          }
      return g_string_free (pattern, FALSE);
    }

  {
    g_auto (GStrv) words = g_strsplit_set (text, " \t\n", -1);

    for (guint i = 0; words[i] != NULL; i++)
      {
        g_autofree char *escaped = NULL;

        if (*words[i] == '\0')
          continue;
        if (pattern->len > 0)
          g_string_append (pattern, "\\s+");
        escaped = g_regex_escape_string (words[i], -1);
        g_string_append (pattern, escaped);
      }
  }
  return g_string_free (pattern, FALSE);
}

static void
add_pattern (LsPseudonymiser *self, LsPseudonymRole role, char *pattern)
{
  if (pattern == NULL || *pattern == '\0')
    {
      g_free (pattern);
      return;
    }
  if (g_hash_table_add (self->values[role], pattern))
    g_clear_pointer (&self->known[role], g_regex_unref);
}

static void
add_name (LsPseudonymiser *self, const char *value, LsPseudonymRole role)
{
  /* "Eva Ek, sjuksköterska": the name is what comes before the title. */
  g_autofree char *name = g_strndup (value, strcspn (value, ",("));
  g_auto (GStrv) words = NULL;

  g_strstrip (name);
  add_pattern (self, role, dup_pattern (name, FALSE));
  /* Each name alone, as text says "Anna" of Anna Svensson. */
  words = g_strsplit_set (name, " \t\n-", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 2 &&
        g_unichar_isalpha (g_utf8_get_char (words[i])))
      add_pattern (self, role, dup_pattern (words[i], FALSE));
}

static void
add_address (LsPseudonymiser *self, const char *value)
{
  gsize street = strcspn (value, "0123456789");
  g_autofree char *name = g_strndup (value, street);

  add_pattern (self, LS_PSEUDONYM_ADDRESS, dup_pattern (value, FALSE));
  /* "Solgårdsvägen" of "Solgårdsvägen 12" names the place as well. */
  g_strstrip (name);
  if (street < strlen (value) && g_utf8_strlen (name, -1) >= 4)
    add_pattern (self, LS_PSEUDONYM_ADDRESS, dup_pattern (name, FALSE));
}

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/**
 * ls_pseudonymiser_add:
 * @value: (nullable): a name, number or address to replace wherever it
 *   stands
 * @role: what it is
 */
void
ls_pseudonymiser_add (LsPseudonymiser *self,
                      const char *value,
                      LsPseudonymRole role)
{
  g_return_if_fail (LS_IS_PSEUDONYMISER (self));
  g_return_if_fail (role < LS_PSEUDONYM_N_ROLES);

  if (value == NULL || is_blank (value))
    return;
  switch (role)
    {
    case LS_PSEUDONYM_INDIVIDUAL:
    case LS_PSEUDONYM_STAFF:
      add_name (self, value, role);
      break;
    case LS_PSEUDONYM_PERSONAL_NUMBER:
    case LS_PSEUDONYM_PHONE:
      add_pattern (self, role, dup_pattern (value, TRUE));
      /* Without the century: 380415-2340 of 19380415-2340. */
      if (role == LS_PSEUDONYM_PERSONAL_NUMBER && strlen (value) >= 12)
        add_pattern (self, role, dup_pattern (value + 2, TRUE));
      break;
    case LS_PSEUDONYM_ADDRESS:
      add_address (self, value);
      break;
    case LS_PSEUDONYM_EMAIL:
    case LS_PSEUDONYM_REGNO:
    case LS_PSEUDONYM_N_ROLES:
    default:
      add_pattern (self, role, dup_pattern (value, FALSE));
      break;
    }
}

static gboolean
lookup_role (GObject *object, const char *property, LsPseudonymRole *role)
{
  if (g_str_equal (property, "name"))
    {
      if (LS_IS_INDIVIDUAL (object))
        *role = LS_PSEUDONYM_INDIVIDUAL;
      else if (LS_IS_INVESTIGATOR (object))
        *role = LS_PSEUDONYM_STAFF;
      else
        return FALSE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].property, property))
      {
        *role = fields[i].role;
        return TRUE;
      }
  return FALSE;
}

/**
 * ls_pseudonymiser_add_object:
 * @object: a case, an organisation, or any object of the model
 *
 * Adds every name, number and address @object and its children hold,
 * found by the model's property names, so that a field added to the model
 * later is covered by its name alone.
 */
void
ls_pseudonymiser_add_object (LsPseudonymiser *self, GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (LS_IS_PSEUDONYMISER (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspecs =
      g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      LsPseudonymRole role;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;
      if (pspec->value_type == G_TYPE_STRING &&
          lookup_role (object, pspec->name, &role))
        {
          g_autofree char *value = NULL;

          g_object_get (object, pspec->name, &value, NULL);
          ls_pseudonymiser_add (self, value, role);
        }
      else if (g_type_is_a (pspec->value_type, G_TYPE_LIST_STORE))
        {
          g_autoptr (GListModel) list = NULL;

          g_object_get (object, pspec->name, &list, NULL);
          for (guint j = 0; list != NULL && j < g_list_model_get_n_items (list);
               j++)
            {
              g_autoptr (GObject) item = g_list_model_get_item (list, j);

              ls_pseudonymiser_add_object (self, item);
            }
        }
      else if (G_IS_PARAM_SPEC_OBJECT (pspec))
        {
          g_autoptr (GObject) child = NULL;

          g_object_get (object, pspec->name, &child, NULL);
          if (child != NULL)
            ls_pseudonymiser_add_object (self, child);
        }
    }
}

static int
compare_longest_first (gconstpointer a, gconstpointer b)
{
  const char *sa = *(const char *const *) a;
  const char *sb = *(const char *const *) b;
  gsize la = strlen (sa), lb = strlen (sb);

  if (la != lb)
    return la > lb ? -1 : 1;
  return strcmp (sa, sb);
}

static GRegex *
compile_known (LsPseudonymiser *self, LsPseudonymRole role)
{
  g_autofree gpointer *patterns = NULL;
  g_autoptr (GString) alternatives = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *pattern = NULL;
  guint n;
  GRegex *regex;

  patterns = g_hash_table_get_keys_as_array (self->values[role], &n);
  if (n == 0)
    return NULL;
  /* The longest first, so that "Anna Svensson" goes whole, not as
   * "[den enskilde] [den enskilde]". */
  qsort (patterns, n, sizeof (gpointer), compare_longest_first);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (alternatives, '|');
      g_string_append (alternatives, patterns[i]);
    }
  /* In the genitive too: "Annas", "Box 100s". */
  pattern = g_strdup_printf ("(?<![\\p{L}\\p{N}])(?:%s)s?(?![\\p{L}\\p{N}])",
                             alternatives->str);
  regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
  /* Every piece is escaped: a failure is a bug, not bad input. */
  g_assert_no_error (error);
  return regex;
}

static char *
replace (GRegex *regex, char *text, LsPseudonymRole role)
{
  char *replaced;

  if (regex == NULL)
    return text;
  replaced =
      g_regex_replace_literal (regex, text, -1, 0, role_texts[role], 0, NULL);
  if (replaced == NULL)
    return text;
  g_free (text);
  return replaced;
}

/**
 * ls_pseudonymiser_apply:
 * @text: (nullable): free text
 *
 * Returns: (transfer full) (nullable): @text with every known name and
 *   number, and everything shaped like one, replaced by its role
 */
char *
ls_pseudonymiser_apply (LsPseudonymiser *self, const char *text)
{
  char *result;

  g_return_val_if_fail (LS_IS_PSEUDONYMISER (self), NULL);

  if (text == NULL)
    return NULL;
  /* Shapes first: an e-mail address goes whole before the name in it. */
  result = g_strdup (text);
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    result = replace (self->shapes[i], result, shapes[i].role);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      LsPseudonymRole role = order[i];

      if (self->known[role] == NULL)
        self->known[role] = compile_known (self, role);
      result = replace (self->known[role], result, role);
    }
  return result;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-action.h"
#include "ls-cause.h"
#include "ls-core-test.h"
#include "ls-field.h"
#include "ls-test-secrets.h"

/* The fields that hold a name, number or address: what the digest must
 * never show, listed here apart from the code under test. */
static const char *const identifying[] = {
  "name",
  "reporter-name",
  "received-by",
  "responsible",
  "author-name",
  "decided-by",
  "contact-name",
  "signatory",
  "phone",
  "unit-phone",
  "postal-address",
  "street-address",
  "unit-street-address",
  "email",
  "regno",
  "personal-number",
};

/* Shaped like what must go, though no field holds them. */
static const char *const shaped[] = {
  "070-123 45 67", "+46 70 765 43 21",   "19121212-1212",
  "121212-1212",   "olle.ek@example.se", "VON-2025-0099",
};

static gboolean
is_identifying (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (identifying); i++)
    if (g_str_equal (identifying[i], property))
      return TRUE;
  return FALSE;
}

typedef void (*Visit) (GObject *object, GParamSpec *pspec, gpointer data);

static void
walk (GObject *object, Visit visit, gpointer data)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];

      if (pspec->value_type == G_TYPE_STRING)
        visit (object, pspec, data);
      else if (g_type_is_a (pspec->value_type, G_TYPE_LIST_STORE))
        {
          g_autoptr (GListModel) list = NULL;

          g_object_get (object, pspec->name, &list, NULL);
          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr (GObject) item = g_list_model_get_item (list, j);

              walk (item, visit, data);
            }
        }
      else if (G_IS_PARAM_SPEC_OBJECT (pspec))
        {
          g_autoptr (GObject) child = NULL;

          g_object_get (object, pspec->name, &child, NULL);
          if (child != NULL)
            walk (child, visit, data);
        }
    }
}

static void
collect_cb (GObject *object, GParamSpec *pspec, gpointer data)
{
  GPtrArray *secrets = data;
  g_autofree char *value = NULL;

  if (!is_identifying (pspec->name))
    return;
  /* A unit's or an organisation's name may be shared. */
  if (g_str_equal (pspec->name, "name") &&
      (LS_IS_ORGANISATION (object) ||
       G_TYPE_CHECK_INSTANCE_TYPE (object, g_type_from_name ("LsUnit"))))
    return;
  g_object_get (object, pspec->name, &value, NULL);
  if (value != NULL && *value &&
      !g_ptr_array_find_with_equal_func (secrets, value, g_str_equal, NULL))
    g_ptr_array_add (secrets, g_steal_pointer (&value));
}

static void
plant_cb (GObject *object, GParamSpec *pspec, gpointer data)
{
  const char *planted = data;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;

  if (!(pspec->flags & G_PARAM_WRITABLE) ||
      ls_field_get_kind (pspec) != LS_FIELD_TEXT ||
      is_identifying (pspec->name) || g_str_has_suffix (pspec->name, "title"))
    return;
  g_object_get (object, pspec->name, &value, NULL);
  text = g_strdup_printf ("%s %s", value != NULL ? value : "Text.", planted);
  g_object_set (object, pspec->name, text, NULL);
}

static LsCase *
make_concluded (guint index)
{
  LsCase *lcase = ls_core_test_example_case (index);
  LsInvestigation *inv = ls_case_get_investigation (lcase);

  if (ls_investigation_get_conclusion (inv) == NULL)
    {
      g_autoptr (LsCause) cause = ls_cause_new ();
      g_autoptr (LsAction) action = ls_action_new ();

      ls_investigation_set_conclusion (inv,
                                       "Inget allvarligt missförhållande.");
      ls_investigation_set_concluded_on (inv, "2026-03-25");
      ls_investigation_set_decided_by (inv, "Jonas Ahl");
      ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_NOT_SERIOUS);
      ls_cause_set_category (cause, "communication");
      ls_cause_set_description (cause, "Överlämningen var muntlig.");
      g_list_store_append (ls_investigation_get_causes (inv), cause);
      ls_action_set_kind (action, LS_ACTION_KIND_PREVENTIVE);
      ls_action_set_description (action, "Skriftlig överlämning.");
      ls_action_set_responsible (action, "Jonas Ahl");
      ls_action_set_status (action, LS_ACTION_STATUS_DONE);
      ls_action_set_effect (action, "Den enskilde är nöjd.");
      g_list_store_append (ls_investigation_get_preventive_actions (inv),
                           action);
      ls_case_set_lessons_learned (lcase, "Skriv ner överlämningen.");
    }
  return lcase;
}

/**
 * ls_test_secrets_make_cases:
 * @secrets: (out): every name, number and address planted
 *
 * Returns: (transfer full) (element-type LsCase): the cases
 */
GPtrArray *
ls_test_secrets_make_cases (LsOrganisation *organisation, GPtrArray **secrets)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) planted = g_string_new (NULL);

  *secrets = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (cases, make_concluded (i));
  for (guint i = 0; i < cases->len; i++)
    walk (g_ptr_array_index (cases, i), collect_cb, *secrets);
  walk (G_OBJECT (organisation), collect_cb, *secrets);
  for (guint i = 0; i < G_N_ELEMENTS (shaped); i++)
    g_ptr_array_add (*secrets, g_strdup (shaped[i]));
  g_assert_cmpuint ((*secrets)->len, >=, 20);

  /* Each in a sentence of its own, as text holds them, the names also in
   * the genitive. */
  for (guint i = 0; i < (*secrets)->len; i++)
    g_string_append_printf (planted, "Se %s. Med %ss hjälp. ",
                            (char *) g_ptr_array_index (*secrets, i),
                            (char *) g_ptr_array_index (*secrets, i));
  for (guint i = 0; i < cases->len; i++)
    walk (g_ptr_array_index (cases, i), plant_cb, planted->str);
  return cases;
}

/* Whitespace and hyphens do not part what is found: "019-10 00 00" is
 * found as "0191 00000" too, and a name across a line break. */
static char *
dup_pattern (const char *secret)
{
  GString *pattern = g_string_new ("(?<![\\p{L}\\p{N}])");
  gboolean first = TRUE;

  for (const char *p = secret; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };
      g_autofree char *escaped = NULL;

      if (g_unichar_isspace (c) || c == '-')
        continue;
      if (!first)
        g_string_append (pattern, "[\\s\\-]*");
      first = FALSE;
      g_unichar_to_utf8 (c, buf);
      escaped = g_regex_escape_string (buf, -1);
      g_string_append (pattern, escaped);
    }
  /* "Linds" is Lind in the genitive, "Linden" another word. */
  g_string_append (pattern, "s?(?![\\p{L}\\p{N}])");
  return g_string_free (pattern, FALSE);
}

static void
assert_absent (const char *text, const char *secret)
{
  g_autofree char *pattern = dup_pattern (secret);
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);

  g_assert_nonnull (regex);
  if (g_regex_match (regex, text, 0, NULL))
    g_error ("“%s” is left in the text:\n%s", secret, text);
}

/**
 * ls_test_secrets_assert_none:
 *
 * Fails when @text holds any of @secrets, or any word of a name.
 */
void
ls_test_secrets_assert_none (const char *text, GPtrArray *secrets)
{
  g_assert_nonnull (text);
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);
      /* "Anna" of "Anna Svensson"; not the title of "Eva Ek,
       * sjuksköterska", and not for numbers and addresses. */
      g_autofree char *name = g_strndup (secret, strcspn (secret, ","));
      g_auto (GStrv) words = g_strsplit (name, " ", -1);

      assert_absent (text, secret);
      if (strpbrk (secret, "0123456789@") != NULL)
        continue;
      for (guint w = 0; words[w] != NULL; w++)
        if (g_utf8_strlen (words[w], -1) >= 2)
          assert_absent (text, words[w]);
    }
}

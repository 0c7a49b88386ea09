/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-action.h"
#include "ls-board-notice.h"
#include "ls-cause.h"
#include "ls-core-test.h"
#include "ls-enum-types.h"
#include "ls-error.h"
#include "ls-field.h"
#include "ls-import-check.h"
#include "ls-individual.h"
#include "ls-investigator.h"
#include "ls-journal-item.h"
#include "ls-model-private.h"
#include "ls-model-props.h"
#include "ls-model.h"
#include "ls-names.h"

/* ---- Filling any model object through its properties ------------------- */

static const char *
sample_for (GParamSpec *pspec)
{
  switch (ls_field_get_kind (pspec))
    {
    case LS_FIELD_DATE:
      return "2026-03-01";
    case LS_FIELD_DATETIME:
      return "2026-03-01T22:30:00+01:00";
    case LS_FIELD_WHEN:
      return "2026-03-02T06:40:00+01:00";
    case LS_FIELD_PNR:
      return "19380415-2340";
    case LS_FIELD_UUID:
      return "108402d6-8410-4307-a298-64786b3633aa";
    case LS_FIELD_EMAIL:
      return "vard.omsorg@exempelstad.se";
    case LS_FIELD_REGNO:
      return "VON-2026-0001";
    case LS_FIELD_POSTCODE:
      return "702 30";
    case LS_FIELD_CHOICE:
      return "other";
    case LS_FIELD_TEXT:
    default:
      return "Text med å, ä och ö\noch en rad till.";
    }
}

/* Sets every field of @object, and of its children, to a value other than
 * its default, with one item in each list; returns how many fields. */
static guint
fill (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_props;
  guint n_filled = 0;

  pspecs =
      g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_props);
  for (guint i = 0; i < n_props; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = pspec->value_type;

      if (!(pspec->flags & G_PARAM_READABLE))
        continue;
      if (G_IS_PARAM_SPEC_OBJECT (pspec))
        {
          g_autoptr (GObject) child = NULL;

          g_object_get (object, pspec->name, &child, NULL);
          if (G_IS_LIST_STORE (child))
            {
              GType item_type =
                  g_list_model_get_item_type (G_LIST_MODEL (child));
              g_autoptr (GObject) item = g_object_new (item_type, NULL);

              n_filled += fill (item);
              g_list_store_append (G_LIST_STORE (child), item);
            }
          else if (child != NULL)
            {
              n_filled += fill (child);
            }
          continue;
        }
      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      if (type == G_TYPE_STRING)
        g_object_set (object, pspec->name, sample_for (pspec), NULL);
      else if (type == G_TYPE_BOOLEAN)
        g_object_set (object, pspec->name,
                      !G_PARAM_SPEC_BOOLEAN (pspec)->default_value, NULL);
      else if (G_TYPE_IS_ENUM (type))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          g_object_set (object, pspec->name,
                        klass->values[klass->n_values - 1].value, NULL);
        }
      else if (G_TYPE_IS_FLAGS (type))
        g_object_set (object, pspec->name,
                      G_PARAM_SPEC_FLAGS (pspec)->flags_class->mask, NULL);
      else if (type == G_TYPE_STRV)
        {
          const char *const strv[] = { "VON-2025-0041", "VON-2025-0050", NULL };

          g_object_set (object, pspec->name, strv, NULL);
        }
      else
        g_assert_not_reached ();
      n_filled++;
    }
  return n_filled;
}

static JsonNode *
to_node (GObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, ls_model_to_json (object));
  return node;
}

static void
test_round_trip_every_class (void)
{
  const GType types[] = {
    LS_TYPE_ORGANISATION, LS_TYPE_UNIT,          LS_TYPE_CASE,
    LS_TYPE_REPORT,       LS_TYPE_INDIVIDUAL,    LS_TYPE_ACTION,
    LS_TYPE_BOARD_NOTICE, LS_TYPE_INVESTIGATION, LS_TYPE_INVESTIGATOR,
    LS_TYPE_JOURNAL_ITEM, LS_TYPE_CAUSE,         LS_TYPE_NOTIFICATION,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr (GObject) object = g_object_new (types[i], NULL);
      g_autoptr (GObject) empty = g_object_new (types[i], NULL);
      g_autoptr (GObject) copy = g_object_new (types[i], NULL);
      g_autoptr (JsonNode) first = NULL;
      g_autoptr (JsonNode) blank = NULL;
      g_autoptr (JsonNode) second = NULL;
      g_autoptr (GError) error = NULL;
      guint n_filled;

      g_test_message ("class %s", g_type_name (types[i]));
      n_filled = fill (object);
      g_assert_cmpuint (n_filled, >, 0);
      first = to_node (object);
      blank = to_node (empty);
      /* Every field made it into the document... */
      g_assert_false (json_node_equal (first, blank));
      g_assert_true (
          ls_model_from_json (copy, json_node_get_object (first), "x", &error));
      g_assert_no_error (error);
      /* ...and back. */
      second = to_node (copy);
      g_assert_true (ls_core_test_json_equal (first, second));
      /* Filled with well-formed values, it validates. */
      g_assert_true (ls_model_validate (copy, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

#define ALL_TYPES                                                              \
  {                                                                            \
    LS_TYPE_ORGANISATION, LS_TYPE_UNIT, LS_TYPE_CASE, LS_TYPE_REPORT,          \
        LS_TYPE_INDIVIDUAL, LS_TYPE_ACTION, LS_TYPE_BOARD_NOTICE,              \
        LS_TYPE_INVESTIGATION, LS_TYPE_INVESTIGATOR, LS_TYPE_JOURNAL_ITEM,     \
        LS_TYPE_CAUSE, LS_TYPE_NOTIFICATION,                                   \
  }

/* Reading a document skips members that hold a property's default on a
 * new object: that is only right if a new object holds its defaults. */
static void
test_new_objects_hold_defaults (void)
{
  const GType all_types[] = ALL_TYPES;

  for (guint t = 0; t < G_N_ELEMENTS (all_types); t++)
    {
      g_autoptr (GObject) object = g_object_new (all_types[t], NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_props;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                               &n_props);
      for (guint i = 0; i < n_props; i++)
        {
          g_auto (GValue) value = G_VALUE_INIT;

          if ((pspecs[i]->flags & (G_PARAM_READABLE | G_PARAM_WRITABLE)) !=
                  (G_PARAM_READABLE | G_PARAM_WRITABLE) ||
              G_IS_PARAM_SPEC_OBJECT (pspecs[i]))
            continue;
          g_test_message ("%s.%s", g_type_name (all_types[t]), pspecs[i]->name);
          g_value_init (&value, pspecs[i]->value_type);
          g_object_get_property (object, pspecs[i]->name, &value);
          g_assert_true (g_param_value_defaults (pspecs[i], &value));
        }
    }
}

/* The store writes records with ls_model_append_json(): byte for byte
 * what json-glib writes, so that a record written before compares equal. */
static void
test_append_json (void)
{
  const GType all_types[] = ALL_TYPES;
  g_autoptr (GString) weird = g_string_new ("Rad 1\nRad 2\t\"citat\" \\ ");

  for (guint c = 1; c < 128; c++)
    g_string_append_c (weird, (char) c);
  g_string_append (weird, " åäö €");

  for (guint t = 0; t < G_N_ELEMENTS (all_types); t++)
    {
      g_autoptr (GObject) object = g_object_new (all_types[t], NULL);
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (JsonNode) node = NULL;
      g_autofree char *expected = NULL;

      fill (object);
      node = to_node (object);
      expected = json_to_string (node, FALSE);
      ls_model_append_json (object, NULL, out, NULL);
      g_assert_cmpstr (out->str, ==, expected);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (LsCase) lcase = ls_core_test_example_case (i);
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GString) omitted = g_string_new (NULL);
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) collected = g_string_new (NULL);
      g_autoptr (JsonNode) node = NULL;
      g_autofree char *expected = NULL;
      GListStore *journal =
          ls_investigation_get_journal (ls_case_get_investigation (lcase));

      ls_case_set_lessons_learned (lcase, weird->str);
      node = ls_core_test_case_node (lcase);
      expected = json_to_string (node, FALSE);
      ls_model_append_json (G_OBJECT (lcase), NULL, out, text);
      g_assert_cmpstr (out->str, ==, expected);
      /* The search text on the same walk. */
      ls_model_collect_text (G_OBJECT (lcase), collected);
      g_assert_cmpstr (text->str, ==, collected->str);

      /* The journal, kept apart, written as an empty list. */
      ls_model_append_json (G_OBJECT (lcase), G_LIST_MODEL (journal), omitted,
                            NULL);
      g_list_store_remove_all (journal);
      g_clear_pointer (&node, json_node_unref);
      g_clear_pointer (&expected, g_free);
      node = ls_core_test_case_node (lcase);
      expected = json_to_string (node, FALSE);
      g_assert_cmpstr (omitted->str, ==, expected);
    }
}

static void
test_round_trip_example (void)
{
  g_autoptr (JsonNode) root = ls_core_test_load_example ();
  JsonObject *document = json_node_get_object (root);
  JsonArray *cases = json_object_get_array_member (document, "cases");
  JsonNode *org_node = json_object_get_member (document, "organisation");
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (JsonNode) org_again = NULL;
  g_autoptr (GError) error = NULL;

  /* The documented example is the model, member for member. */
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonNode *node = json_array_get_element (cases, i);
      g_autoptr (LsCase) lcase = ls_case_new_from_json (
          json_node_get_object (node), "cases[0]", &error);
      g_autoptr (JsonNode) again = NULL;
      g_autoptr (JsonNode) fields = ls_core_test_case_fields (node);

      g_assert_no_error (error);
      again = ls_core_test_case_node (lcase);
      g_assert_true (ls_core_test_json_equal (fields, again));
    }
  organisation = ls_organisation_new_from_json (json_node_get_object (org_node),
                                                "organisation", &error);
  g_assert_no_error (error);
  org_again = to_node (G_OBJECT (organisation));
  g_assert_true (ls_core_test_json_equal (org_node, org_again));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_organisation_get_units (organisation))),
                    ==, 2);
  g_assert_nonnull (ls_organisation_find_unit (
      organisation, "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"));
  g_assert_null (ls_organisation_find_unit (organisation, "nope"));
}

typedef struct
{
  const char *json;
  int code;
  const char *message;
} BadCase;

static void
test_bad_members (void)
{
  static const BadCase bad[] = {
    { "{\"colour\": \"red\"}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].colour: no such field." },
    { "{\"unit-id\": null}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].unit-id: no such field." },
    /* Derived fields are not part of the record. */
    { "{\"status\": \"closed\"}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].status: no such field." },
    { "{\"next_deadline\": null}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].next_deadline: no such field." },
    { "{\"regno\": 7}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].regno: expected a text or null." },
    { "{\"regno\": [\"a\"]}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].regno: expected a text or null." },
    { "{\"regime\": \"hsl\"}", LS_ERROR_UNKNOWN_VALUE,
      "cases[3].regime: expected one of “sol”, “lss”." },
    { "{\"regime\": 1}", LS_ERROR_UNKNOWN_VALUE,
      "cases[3].regime: expected one of “sol”, “lss”." },
    { "{\"report\": {\"kind\": \"accident\"}}", LS_ERROR_UNKNOWN_VALUE,
      "cases[3].report.kind: expected one of “unset”, “wrongdoing”, "
      "“clear-risk”." },
    { "{\"report\": {\"occurred_unknown\": \"yes\"}}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].report.occurred_unknown: expected true or false." },
    { "{\"report\": \"Anna föll\"}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].report: expected an object." },
    { "{\"report\": {\"individuals\": {}}}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].report.individuals: expected a list." },
    { "{\"report\": {\"individuals\": [{}, \"Erik\"]}}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].report.individuals[1]: expected an object." },
    { "{\"report\": {\"individuals\": [{}, {}, {}, {}, {}, {}, {}, {}, {}, "
      "{}, {\"name\": 10}]}}",
      LS_ERROR_BAD_DOCUMENT,
      "cases[3].report.individuals[10].name: expected a text or null." },
    { "{\"report\": {\"individuals\": [{\"name\": \"Erik\", \"age\": 70}]}}",
      LS_ERROR_BAD_DOCUMENT,
      "cases[3].report.individuals[0].age: no such "
      "field." },
    /* A member's name is the file's text: named only when it could be a
     * field's. */
    { "{\"report\": {\"Karin Lind 19520228-1234\": 1}}", LS_ERROR_BAD_DOCUMENT,
      "cases[3].report: a member's name is not the name of a field." },
    { "{\"investigation\": {\"journal\": [{\"points\": [\"causes\", "
      "\"luck\"]}]}}",
      LS_ERROR_UNKNOWN_VALUE,
      "cases[3].investigation.journal[0].points: expected a list of "
      "“what-happened”, “received”, “noticed”, “occurred”, “causes”, "
      "“similar-before”, “recurrence”." },
    { "{\"investigation\": {\"journal\": [{\"points\": \"causes\"}]}}",
      LS_ERROR_BAD_DOCUMENT,
      "cases[3].investigation.journal[0].points: expected a list." },
    { "{\"investigation\": {\"linked_cases\": [\"VON-1\", 2]}}",
      LS_ERROR_BAD_DOCUMENT,
      "cases[3].investigation.linked_cases: expected a list of texts." },
    { "{\"investigation\": {\"seriousness\": null}}", LS_ERROR_UNKNOWN_VALUE,
      "cases[3].investigation.seriousness: expected one of “undecided”, "
      "“not-serious”, “serious”." },
    /* Well-formed JSON, badly formed values: named the same way. */
    { "{\"uuid\": \"108402d6-8410-4307-a298-64786b3633aa\", \"report\": "
      "{\"individuals\": [{\"personal_number\": \"19380415-2341\"}]}}",
      LS_ERROR_INVALID_PNR,
      "cases[3].report.individuals[0].personal_number: The personal identity "
      "number has a wrong check digit; check that every digit is right." },
    { "{\"uuid\": \"108402d6-8410-4307-a298-64786b3633aa\", \"report\": "
      "{\"received_at\": \"2026-02-29\"}}",
      LS_ERROR_INVALID_DATE,
      "cases[3].report.received_at: This is not a date and time. Write it "
      "as year-month-day and hours:minutes, such as 2026-03-01 22:30." },
    { "{\"uuid\": \"case-1\"}", LS_ERROR_INVALID_VALUE,
      "cases[3].uuid: This is not a valid identifier." },
    { "{\"regno\": \"VON-2026-0001\"}", LS_ERROR_EMPTY_FIELD,
      "cases[3].uuid: every case needs its identifier." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonNode) node = json_from_string (bad[i].json, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LsCase) lcase = NULL;

      g_test_message ("document: %s", bad[i].json);
      g_assert_nonnull (node);
      lcase = ls_case_new_from_json (json_node_get_object (node), "cases[3]",
                                     &error);
      g_assert_null (lcase);
      g_assert_error (error, LS_ERROR, bad[i].code);
      g_test_message ("message: %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, bad[i].message));
    }
}

static void
test_errors_without_path (void)
{
  g_autoptr (JsonNode) node = json_from_string ("{\"regno\": \"VON-1\"}", NULL);
  g_autoptr (JsonNode) bad = json_from_string ("{\"colour\": 1}", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;

  /* A case on its own, not in a document: the field alone is named. */
  lcase = ls_case_new_from_json (json_node_get_object (node), NULL, &error);
  g_assert_null (lcase);
  g_assert_error (error, LS_ERROR, LS_ERROR_EMPTY_FIELD);
  g_assert_cmpstr (error->message, ==,
                   "uuid: every case needs its identifier.");
  g_clear_error (&error);
  lcase = ls_case_new_from_json (json_node_get_object (bad), "", &error);
  g_assert_null (lcase);
  g_assert_cmpstr (error->message, ==, "colour: no such field.");
  g_clear_error (&error);
  g_clear_pointer (&bad, json_node_unref);
  /* A member's name that could be no field's is not quoted. */
  bad = json_from_string ("{\"19520228-1234\": 1}", NULL);
  lcase = ls_case_new_from_json (json_node_get_object (bad), "", &error);
  g_assert_null (lcase);
  g_assert_cmpstr (error->message, ==,
                   "a member's name is not the name of a field.");
}

/* A message names a case of an import by what can only be its name: a
 * registration number of one plain line, else its uuid, else its
 * place in the document. */
static void
test_import_case_name (void)
{
  static const struct
  {
    const char *regno;
    const char *uuid;
    const char *name;
  } cases[] = {
    { "VON-2026-0003", "108402d6-8410-4307-a298-64786b3633aa",
      "VON-2026-0003" },
    { "VON\x1b[2J", "108402d6-8410-4307-a298-64786b3633aa",
      "108402d6-8410-4307-a298-64786b3633aa" },
    { "VON-2026-\n0003", NULL, "cases[3]" },
    { NULL, "Karin Lind", "cases[3]" },
    { "", NULL, "cases[3]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name =
          ls_import_name_case (cases[i].regno, cases[i].uuid, 3);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_organisation_errors (void)
{
  g_autoptr (JsonNode) node = json_from_string (
      "{\"name\": \"Omsorgen\", \"units\": [{\"id\": "
      "\"6637c86c-a47f-4dae-8000-0b60995e4035\", \"postcode\": \"7023\"}]}",
      NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsOrganisation) organisation = ls_organisation_new_from_json (
      json_node_get_object (node), "organisation", &error);

  g_assert_null (organisation);
  g_assert_error (error, LS_ERROR, LS_ERROR_INVALID_VALUE);
  g_assert_true (
      g_str_has_prefix (error->message, "organisation.units[0].postcode: "));
}

static void
test_copy (void)
{
  g_autoptr (LsCase) original = ls_core_test_example_case (0);
  g_autoptr (LsCase) copy = g_object_new (LS_TYPE_CASE, NULL);
  g_autoptr (JsonNode) a = NULL;
  g_autoptr (JsonNode) b = NULL;
  g_autoptr (JsonNode) c = NULL;
  LsIndividual *anna;
  LsIndividual *anna_copy;

  ls_model_copy (G_OBJECT (copy), G_OBJECT (original));
  a = ls_core_test_case_node (original);
  b = ls_core_test_case_node (copy);
  g_assert_true (ls_core_test_json_equal (a, b));
  g_assert_cmpint (ls_case_get_status (copy), ==, LS_CASE_STATUS_CLOSED);

  /* Deep: new children, so changing the copy leaves the original. */
  anna = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (original))),
      0);
  anna_copy = g_list_model_get_item (
      G_LIST_MODEL (ls_report_get_individuals (ls_case_get_report (copy))), 0);
  g_assert_true (anna != anna_copy);
  ls_individual_set_name (anna_copy, "Anna S.");
  g_assert_cmpstr (ls_individual_get_name (anna), ==, "Anna Svensson");
  g_list_store_remove_all (
      ls_investigation_get_journal (ls_case_get_investigation (copy)));
  c = ls_core_test_case_node (original);
  g_assert_true (ls_core_test_json_equal (a, c));
  g_object_unref (anna);
  g_object_unref (anna_copy);

  /* Copying onto a case that has content replaces it, lists and all. */
  ls_model_copy (G_OBJECT (copy), G_OBJECT (original));
  g_clear_pointer (&b, json_node_unref);
  b = ls_core_test_case_node (copy);
  g_assert_true (ls_core_test_json_equal (a, b));
}

static void
test_collect_text (void)
{
  g_autoptr (LsCase) lcase = ls_core_test_example_case (0);
  g_autoptr (GString) text = g_string_new (NULL);

  ls_model_collect_text (G_OBJECT (lcase), text);
  /* What happened, names, actions and documented items... */
  g_assert_nonnull (strstr (text->str, "Anna Svensson larmade"));
  g_assert_nonnull (strstr (text->str, "Kim Berg"));
  g_assert_nonnull (strstr (text->str, "Larmleverantören kontaktades"));
  g_assert_nonnull (strstr (text->str, "kvitterades aldrig"));
  g_assert_nonnull (strstr (text->str, "En larmtelefon som ingen bär"));
  /* ...but no personal identity number, identifier, date or list id. */
  g_assert_null (strstr (text->str, "19380415"));
  g_assert_null (strstr (text->str, "108402d6"));
  g_assert_null (strstr (text->str, "2026-03-02"));
  g_assert_null (strstr (text->str, "service-not-carried-out"));
}

/* ---- The names of the values -------------------------------------------- */

/* Every value of an enumeration with names has one, under its own nick,
 * except a value that means "not chosen yet"; an enumeration the
 * documents print has Swedish names too. */
static void
test_names (void)
{
  static const struct
  {
    GType (*get_type) (void);
    gboolean swedish;
  } enums[] = {
    { ls_case_status_get_type, FALSE },
    { ls_case_kind_get_type, TRUE },
    { ls_reporter_category_get_type, TRUE },
    { ls_received_how_get_type, TRUE },
    { ls_journal_kind_get_type, TRUE },
    { ls_action_status_get_type, TRUE },
    { ls_similar_before_get_type, TRUE },
    { ls_seriousness_get_type, FALSE },
    { ls_regime_get_type, TRUE },
    { ls_organisation_kind_get_type, FALSE },
    { ls_notice_stage_get_type, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      GType type = enums[i].get_type ();
      g_autoptr (GEnumClass) klass = NULL;
      const LsChoice *names;
      guint n_values;

      g_test_message ("%s", g_type_name (type));
      g_assert_true (G_TYPE_IS_ENUM (type));
      klass = g_type_class_ref (type);
      names = ls_names_get (type, &n_values);
      g_assert_nonnull (names);
      g_assert_cmpuint (n_values, ==, klass->n_values);
      for (guint k = 0; k < klass->n_values; k++)
        {
          GEnumValue *value = &klass->values[k];
          const LsChoice *name = ls_names_find (type, value->value);

          if (g_str_equal (value->value_nick, "unset"))
            {
              g_assert_null (name);
              continue;
            }
          g_assert_nonnull (name);
          g_assert_true (name == &names[value->value]);
          g_assert_cmpstr (name->id, ==, value->value_nick);
          g_assert_nonnull (name->name);
          g_assert_true (enums[i].swedish == (name->swedish != NULL));
        }
    }
  g_assert_null (ls_names_get (LS_TYPE_STEP, &(guint){ 0 }));
  g_assert_null (ls_names_find (LS_TYPE_ACTION_STATUS, 3));
}

/* A child or list the walks read where the record keeps it is the one
 * its property gives, in every class of a case and of the organisation. */
static void
test_peek_child (void)
{
  const GType types[] = {
    LS_TYPE_ORGANISATION, LS_TYPE_UNIT,          LS_TYPE_CASE,
    LS_TYPE_REPORT,       LS_TYPE_INDIVIDUAL,    LS_TYPE_ACTION,
    LS_TYPE_BOARD_NOTICE, LS_TYPE_INVESTIGATION, LS_TYPE_INVESTIGATOR,
    LS_TYPE_JOURNAL_ITEM, LS_TYPE_CAUSE,         LS_TYPE_NOTIFICATION,
  };
  guint n_marked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr (GObject) object = g_object_new (types[i], NULL);
      const PropList *props = ls_model_prop_list (object);

      for (guint k = 0; k < props->n_pspecs; k++)
        {
          g_autoptr (GObject) child = NULL;

          if (props->kinds[k] != KIND_CHILD && props->kinds[k] != KIND_LIST)
            continue;
          g_object_get (object, props->pspecs[k]->name, &child, NULL);
          g_assert_nonnull (child);
          g_assert_true (ls_model_peek_child (object, props, k) == child);
          if (props->object_offsets[k] > 0)
            n_marked++;
        }
    }
  /* The case's tree: five of the case, two of the report, five of the
   * investigation. */
  g_assert_cmpuint (n_marked, >=, 12);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/json/round-trip-every-class",
                   test_round_trip_every_class);
  g_test_add_func ("/model/json/round-trip-example", test_round_trip_example);
  g_test_add_func ("/model/json/bad-members", test_bad_members);
  g_test_add_func ("/model/peek-child", test_peek_child);
  g_test_add_func ("/model/json/errors-without-path", test_errors_without_path);
  g_test_add_func ("/model/json/import-case-name", test_import_case_name);
  g_test_add_func ("/model/json/organisation-errors", test_organisation_errors);
  g_test_add_func ("/model/json/new-objects-hold-defaults",
                   test_new_objects_hold_defaults);
  g_test_add_func ("/model/json/append-json", test_append_json);
  g_test_add_func ("/model/copy", test_copy);
  g_test_add_func ("/model/collect-text", test_collect_text);
  g_test_add_func ("/model/names", test_names);
  return g_test_run ();
}

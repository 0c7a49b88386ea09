/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-bench-cases.h"
#include "ls-core-test.h"
#include "ls-enum-types.h"
#include "ls-people-register.h"
#include "ls-requirement.h"
#include "ls-rules.h"
#include "ls-store-backend-private.h"

/* The attention rows the store writes for a case come from a check that
 * makes no messages (ls_store_attention_rows()); they must be exactly
 * the requirements of the full check that need attention now
 * (ls_store_attention_requirements()), step, day and order, for cases of
 * every shape. */

#define N_GENERATED 150
#define N_VARIANTS 6

/* Changes @object and all it holds at random: a text emptied, a yes or
 * no turned, another value of an enumeration, an entry of a list
 * dropped. */
static void
mutate (GRand *rand, GObject *object)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs =
      g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      gboolean writable = (pspec->flags & G_PARAM_WRITABLE) &&
                          !(pspec->flags & G_PARAM_CONSTRUCT_ONLY);

      if (g_type_is_a (type, G_TYPE_LIST_STORE))
        {
          g_autoptr (GListStore) list = NULL;
          guint n;

          g_object_get (object, pspec->name, &list, NULL);
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          if (n > 0 && g_rand_double (rand) < 0.15)
            g_list_store_remove (list, g_rand_int_range (rand, 0, n));
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (list));
               k++)
            {
              g_autoptr (GObject) item =
                  g_list_model_get_item (G_LIST_MODEL (list), k);

              mutate (rand, item);
            }
        }
      else if (g_type_is_a (type, G_TYPE_OBJECT))
        {
          g_autoptr (GObject) child = NULL;

          g_object_get (object, pspec->name, &child, NULL);
          if (child != NULL)
            mutate (rand, child);
        }
      else if (!writable || g_str_equal (pspec->name, "uuid"))
        continue;
      else if (type == G_TYPE_STRING && g_rand_double (rand) < 0.12)
        g_object_set (object, pspec->name, NULL, NULL);
      else if (type == G_TYPE_BOOLEAN && g_rand_double (rand) < 0.2)
        {
          gboolean value;

          g_object_get (object, pspec->name, &value, NULL);
          g_object_set (object, pspec->name, !value, NULL);
        }
      else if (G_TYPE_IS_ENUM (type) && g_rand_double (rand) < 0.2)
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          g_object_set (
              object, pspec->name,
              klass->values[g_rand_int_range (rand, 0, klass->n_values)].value,
              NULL);
        }
    }
}

/* Both ways agree on @lcase; adds the steps found to @steps. */
static void
assert_same_rows (LsCase *lcase,
                  LsOrganisation *organisation,
                  LsPeopleRegister *routines,
                  GHashTable *steps)
{
  g_autoptr (GPtrArray) full =
      ls_store_attention_requirements (lcase, organisation, routines);
  g_autoptr (GArray) rows =
      ls_store_attention_rows (lcase, organisation, routines);

  g_assert_cmpuint (rows->len, ==, full->len);
  for (guint i = 0; i < rows->len; i++)
    {
      LsRequirement *requirement = full->pdata[i];
      const LsRulesAttention *row = &g_array_index (rows, LsRulesAttention, i);

      g_assert_cmpint (row->step, ==, ls_requirement_get_step (requirement));
      g_assert_cmpstr (row->due, ==, ls_requirement_get_due (requirement));
      g_hash_table_add (steps, GINT_TO_POINTER (row->step + 1));
    }
}

static void
test_same_as_full_check (void)
{
  g_autoptr (JsonNode) example = ls_core_test_load_example ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) organisations =
      g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) steps = g_hash_table_new (NULL, NULL);
  g_autoptr (LsPeopleRegister) none = ls_people_register_new ();
  g_autoptr (LsPeopleRegister) register_ = NULL;
  LsPeopleRegister *registers[3];
  static const LsOrganisationKind kinds[] = {
    LS_ORGANISATION_KIND_MUNICIPAL_BOARD,
    LS_ORGANISATION_KIND_PRIVATE_PROVIDER,
    LS_ORGANISATION_KIND_SIS,
  };
  GRand *rand = g_rand_new_with_seed (16);
  guint n_sources;
  guint n_rows = 0;

  register_ = ls_people_register_new_from_document (
      json_node_get_object (example), NULL, &error);
  g_assert_no_error (error);
  registers[0] = NULL;
  registers[1] = none;
  registers[2] = register_;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LsOrganisation *organisation = ls_core_test_example_organisation ();

      ls_organisation_set_kind (organisation, kinds[i]);
      g_ptr_array_add (organisations, organisation);
    }

  g_ptr_array_add (cases, ls_core_test_example_case (0));
  g_ptr_array_add (cases, ls_core_test_example_case (1));
  for (guint i = 0; i < N_GENERATED; i++)
    g_ptr_array_add (cases, ls_bench_generate_case (rand, i + 1));

  /* Variants of each: of the same cases with parts missing. */
  n_sources = cases->len;
  for (guint i = 0; i < n_sources; i++)
    for (guint k = 0; k < N_VARIANTS; k++)
      {
        g_autoptr (JsonObject) json = ls_case_to_json (cases->pdata[i]);
        LsCase *variant = ls_case_new_from_json (json, NULL, &error);

        g_assert_no_error (error);
        mutate (rand, G_OBJECT (variant));
        g_ptr_array_add (cases, variant);
      }

  for (guint i = 0; i < cases->len; i++)
    for (guint r = 0; r < G_N_ELEMENTS (registers); r++)
      {
        /* Without an organisation, a municipal board's rules apply. */
        assert_same_rows (cases->pdata[i], NULL, registers[r], steps);
        for (guint o = 0; o < organisations->len; o++)
          {
            g_autoptr (GArray) rows = ls_store_attention_rows (
                cases->pdata[i], organisations->pdata[o], registers[r]);

            assert_same_rows (cases->pdata[i], organisations->pdata[o],
                              registers[r], steps);
            n_rows += rows->len;
          }
      }
  g_test_message ("%u cases, %u rows, %u steps", cases->len, n_rows,
                  g_hash_table_size (steps));
  /* The cases reach many of the steps that need attention now. */
  g_assert_cmpuint (n_rows, >, cases->len);
  g_assert_cmpuint (g_hash_table_size (steps), >=, 5);
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/attention-rows/same-as-full-check",
                   test_same_as_full_check);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-register"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-error.h"
#include "ls-model-private.h"
#include "ls-model.h"
#include "ls-people-register.h"

/*
 * The people who must report (2 kap. 1 §), the occasions they were told
 * of the duty (2 kap. 2 §) and the versions of the routines (7 kap. 1 §):
 * what the organisation keeps beside its cases.  Its three lists are its
 * properties, so the exchange format's members "people", "occasions" and
 * "routines" are read, written and checked by the model's one walk.
 */
struct _LsPeopleRegister
{
  GObject parent_instance;

  GListStore *people;
  GListStore *occasions;
  GListStore *routines;
};

G_DEFINE_FINAL_TYPE (LsPeopleRegister, ls_people_register, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PEOPLE,
  PROP_OCCASIONS,
  PROP_ROUTINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The document's members this register reads and writes. */
static const char *const members[] = { "people", "occasions", "routines" };

static void
ls_people_register_dispose (GObject *object)
{
  LsPeopleRegister *self = LS_PEOPLE_REGISTER (object);

  g_clear_object (&self->people);
  g_clear_object (&self->occasions);
  g_clear_object (&self->routines);

  G_OBJECT_CLASS (ls_people_register_parent_class)->dispose (object);
}

static void
ls_people_register_get_property (GObject *object,
                                 guint prop_id,
                                 GValue *value,
                                 GParamSpec *pspec)
{
  LsPeopleRegister *self = LS_PEOPLE_REGISTER (object);

  switch (prop_id)
    {
    case PROP_PEOPLE:
      g_value_set_object (value, self->people);
      break;
    case PROP_OCCASIONS:
      g_value_set_object (value, self->occasions);
      break;
    case PROP_ROUTINES:
      g_value_set_object (value, self->routines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_people_register_class_init (LsPeopleRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_people_register_dispose;
  object_class->get_property = ls_people_register_get_property;

  properties[PROP_PEOPLE] = g_param_spec_object (
      "people", "People", "Who must report, a list of LsPerson",
      G_TYPE_LIST_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCASIONS] = g_param_spec_object (
      "occasions", "Occasions",
      "When they were told of the duty, a list of LsInformationOccasion",
      G_TYPE_LIST_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUTINES] = g_param_spec_object (
      "routines", "Routines",
      "The decided versions of the routines, oldest first", G_TYPE_LIST_STORE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ls_people_register_init (LsPeopleRegister *self)
{
  self->people = g_list_store_new (LS_TYPE_PERSON);
  self->occasions = g_list_store_new (LS_TYPE_INFORMATION_OCCASION);
  self->routines = g_list_store_new (LS_TYPE_ROUTINES);
}

LsPeopleRegister *
ls_people_register_new (void)
{
  return g_object_new (LS_TYPE_PEOPLE_REGISTER, NULL);
}

/**
 * ls_people_register_get_people:
 *
 * Returns: (transfer none): the people, a #GListStore of #LsPerson
 */
GListStore *
ls_people_register_get_people (LsPeopleRegister *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  return self->people;
}

/**
 * ls_people_register_get_occasions:
 *
 * Returns: (transfer none): a #GListStore of #LsInformationOccasion
 */
GListStore *
ls_people_register_get_occasions (LsPeopleRegister *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  return self->occasions;
}

/**
 * ls_people_register_get_routines:
 *
 * Returns: (transfer none): the versions of the routines, a #GListStore
 *   of #LsRoutines in the order they were decided
 */
GListStore *
ls_people_register_get_routines (LsPeopleRegister *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  return self->routines;
}

typedef gboolean (*MatchFunc) (GObject *item, const char *key);

static GObject *
find_in (GListStore *list, MatchFunc match, const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (key == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (match (item, key))
        return item;
    }
  return NULL;
}

static gboolean
person_has_id (GObject *item, const char *key)
{
  return g_strcmp0 (ls_person_get_id (LS_PERSON (item)), key) == 0;
}

static gboolean
person_has_staff_number (GObject *item, const char *key)
{
  return g_strcmp0 (ls_person_get_staff_number (LS_PERSON (item)), key) == 0;
}

static gboolean
occasion_has_id (GObject *item, const char *key)
{
  return g_strcmp0 (
             ls_information_occasion_get_id (LS_INFORMATION_OCCASION (item)),
             key) == 0;
}

static gboolean
routines_have_id (GObject *item, const char *key)
{
  return g_strcmp0 (ls_routines_get_id (LS_ROUTINES (item)), key) == 0;
}

/**
 * ls_people_register_find_person:
 *
 * Returns: (nullable) (transfer none): the person with @id
 */
LsPerson *
ls_people_register_find_person (LsPeopleRegister *self, const char *id)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  return LS_PERSON (find_in (self->people, person_has_id, id));
}

/**
 * ls_people_register_find_staff_number:
 *
 * Returns: (nullable) (transfer none): the person the HR system knows by
 *   @staff_number
 */
LsPerson *
ls_people_register_find_staff_number (LsPeopleRegister *self,
                                      const char *staff_number)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  return LS_PERSON (
      find_in (self->people, person_has_staff_number, staff_number));
}

/**
 * ls_people_register_find_occasion:
 *
 * Returns: (nullable) (transfer none): the occasion with @id
 */
LsInformationOccasion *
ls_people_register_find_occasion (LsPeopleRegister *self, const char *id)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  return LS_INFORMATION_OCCASION (
      find_in (self->occasions, occasion_has_id, id));
}

/**
 * ls_people_register_find_routines:
 *
 * Returns: (nullable) (transfer none): the version with @id
 */
LsRoutines *
ls_people_register_find_routines (LsPeopleRegister *self, const char *id)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  return LS_ROUTINES (find_in (self->routines, routines_have_id, id));
}

/**
 * ls_people_register_get_routines_in_force:
 * @day: (nullable): the day, "2026-03-01", or %NULL for the latest
 *
 * Returns: (nullable) (transfer none): the version decided last on or
 *   before @day; of two decided the same day, the later in the list
 */
LsRoutines *
ls_people_register_get_routines_in_force (LsPeopleRegister *self,
                                          const char *day)
{
  guint n;
  LsRoutines *found = NULL;

  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LsRoutines) routines =
          g_list_model_get_item (G_LIST_MODEL (self->routines), i);
      const char *decided_on = ls_routines_get_decided_on (routines);

      if (decided_on == NULL ||
          (day != NULL && ls_dates_compare (decided_on, day) > 0))
        continue;
      if (found == NULL ||
          ls_dates_compare (decided_on, ls_routines_get_decided_on (found)) >=
              0)
        found = routines;
    }
  return found;
}

/**
 * ls_people_register_get_latest_routines:
 *
 * Returns: (nullable) (transfer none): the version decided last
 */
LsRoutines *
ls_people_register_get_latest_routines (LsPeopleRegister *self)
{
  return ls_people_register_get_routines_in_force (self, NULL);
}

static gboolean
bad_field (GError **error,
           LsError code,
           const char *list,
           guint index,
           const char *member,
           const char *message)
{
  g_set_error (error, LS_ERROR, code, "%s[%u].%s: %s", list, index, member,
               message);
  return FALSE;
}

static gboolean
unit_exists (LsOrganisation *organisation, const char *unit_id)
{
  return organisation == NULL || unit_id == NULL ||
         ls_organisation_find_unit (organisation, unit_id) != NULL;
}

static gboolean
validate_person (LsPeopleRegister *self,
                 LsPerson *person,
                 guint index,
                 LsOrganisation *organisation,
                 GError **error)
{
  const char *const *units = ls_person_get_units (person);
  const char *started_on = ls_person_get_started_on (person);
  const char *ended_on = ls_person_get_ended_on (person);

  if (ls_person_get_id (person) == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "people", index, "id",
                      _ ("every person needs an identifier."));
  if (ls_people_register_find_person (self, ls_person_get_id (person)) !=
      person)
    return bad_field (error, LS_ERROR_INVALID_VALUE, "people", index, "id",
                      _ ("another person has the same identifier."));
  if (ls_person_get_name (person) == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "people", index, "name",
                      _ ("every person needs a name."));
  if (ls_person_get_category (person) == LS_REPORTER_CATEGORY_UNSET)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "people", index, "category",
                      _ ("choose employee, contractor, trainee or "
                         "labour-market programme participant."));
  if (started_on == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "people", index,
                      "started_on",
                      _ ("the day the engagement began is needed to know "
                         "when the person must be informed."));
  if (ended_on != NULL && ls_dates_compare (ended_on, started_on) < 0)
    return bad_field (error, LS_ERROR_INVALID_DATE, "people", index, "ended_on",
                      _ ("the engagement cannot end before it began."));
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    if (!unit_exists (organisation, units[i]))
      return bad_field (error, LS_ERROR_UNKNOWN_UNIT, "people", index, "units",
                        _ ("the organisation has no such unit."));
  return TRUE;
}

static gboolean
validate_occasion (LsPeopleRegister *self,
                   LsInformationOccasion *occasion,
                   guint index,
                   GError **error)
{
  const char *const *participants =
      ls_information_occasion_get_participants (occasion);

  if (ls_information_occasion_get_id (occasion) == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "occasions", index, "id",
                      _ ("every occasion needs an identifier."));
  if (ls_information_occasion_get_held_on (occasion) == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "occasions", index,
                      "held_on", _ ("give the day the information was given."));
  if (!ls_information_occasion_get_oral (occasion) &&
      !ls_information_occasion_get_written (occasion))
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "occasions", index, "oral",
                      _ ("the information was given orally, in writing or "
                         "both: choose at least one."));
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    if (ls_people_register_find_person (self, participants[i]) == NULL)
      return bad_field (error, LS_ERROR_UNKNOWN_VALUE, "occasions", index,
                        "participants", _ ("no such person in the register."));
  return TRUE;
}

static gboolean
validate_routines (LsRoutines *routines,
                   guint index,
                   LsOrganisation *organisation,
                   GError **error)
{
  GListModel *assignments =
      G_LIST_MODEL (ls_routines_get_assignments (routines));

  if (ls_routines_get_id (routines) == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "routines", index, "id",
                      _ ("every version of the routines needs an identifier."));
  if (ls_routines_get_decided_on (routines) == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "routines", index,
                      "decided_on",
                      _ ("give the day the routines were decided."));
  if (ls_routines_get_decided_by (routines) == NULL)
    return bad_field (error, LS_ERROR_EMPTY_FIELD, "routines", index,
                      "decided_by", _ ("give who decided the routines."));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr (LsAssignment) assignment =
          g_list_model_get_item (assignments, i);

      if (!unit_exists (organisation, ls_assignment_get_unit_id (assignment)))
        return bad_field (error, LS_ERROR_UNKNOWN_UNIT, "routines", index,
                          "assignments",
                          _ ("the organisation has no such unit."));
    }
  return TRUE;
}

static gboolean
validate_list (LsPeopleRegister *self,
               GListStore *list,
               const char *name,
               LsOrganisation *organisation,
               GError **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", name, i);
      g_autofree char *bad_path = NULL;
      g_autoptr (GError) local_error = NULL;
      gboolean ok;

      if (!ls_model_validate (item, path, &bad_path, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                       bad_path, local_error->message);
          return FALSE;
        }
      if (LS_IS_PERSON (item))
        ok = validate_person (self, LS_PERSON (item), i, organisation, error);
      else if (LS_IS_INFORMATION_OCCASION (item))
        ok = validate_occasion (self, LS_INFORMATION_OCCASION (item), i, error);
      else
        ok = validate_routines (LS_ROUTINES (item), i, organisation, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/**
 * ls_people_register_validate:
 * @organisation: (nullable): the organisation whose units people and
 *   routines may name, or %NULL to leave units unchecked
 *
 * Checks every person, occasion and version of the routines: the fields'
 * forms, what each needs (a name, a category, a start date; a day and
 * oral or written; who decided and when), and that what they point at
 * exists.  @error names the first bad field, as "people[2].category: …".
 */
gboolean
ls_people_register_validate (LsPeopleRegister *self,
                             LsOrganisation *organisation,
                             GError **error)
{
  g_return_val_if_fail (LS_IS_PEOPLE_REGISTER (self), FALSE);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), FALSE);

  return validate_list (self, self->people, "people", organisation, error) &&
         validate_list (self, self->occasions, "occasions", organisation,
                        error) &&
         validate_list (self, self->routines, "routines", organisation, error);
}

/**
 * ls_people_register_new_from_document:
 * @document: the root of an exchange document
 * @organisation: (nullable): the organisation whose units may be named
 *
 * Reads the members "people", "occasions" and "routines" of @document and
 * checks them.  A document of version 1, which has none of them, gives an
 * empty register.
 *
 * Returns: (transfer full): the register, or %NULL with @error naming the
 *   bad member
 */
LsPeopleRegister *
ls_people_register_new_from_document (JsonObject *document,
                                      LsOrganisation *organisation,
                                      GError **error)
{
  g_autoptr (LsPeopleRegister) self = ls_people_register_new ();
  g_autoptr (JsonObject) part = json_object_new ();

  g_return_val_if_fail (document != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (document, members[i]);

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        json_object_set_member (part, members[i], json_node_copy (node));
    }
  if (!ls_model_from_json_checked (G_OBJECT (self), part, "", error))
    return NULL;
  if (!ls_people_register_validate (self, organisation, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * ls_people_register_add_to_document:
 * @document: the root of an exchange document
 *
 * Writes the members "people", "occasions" and "routines" into @document.
 */
void
ls_people_register_add_to_document (LsPeopleRegister *self,
                                    JsonObject *document)
{
  g_autoptr (JsonObject) part = NULL;

  g_return_if_fail (LS_IS_PEOPLE_REGISTER (self));
  g_return_if_fail (document != NULL);

  part = ls_model_to_json (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    json_object_set_member (
        document, members[i],
        json_node_copy (json_object_get_member (part, members[i])));
}

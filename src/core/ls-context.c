/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-context"

#include "config.h"

#include "ls-context.h"

/* What every window and wizard works in: the store, the organisation it
 * holds (replaced when Preferences save a new one), the settings and the
 * person at the keyboard.  One object handed down, instead of each widget
 * taking four construct properties and each working out the author. */

struct _LsContext
{
  GObject parent_instance;

  LsStore *store;
  LsOrganisation *organisation;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (LsContext, ls_context, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ORGANISATION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_setting (LsContext *self, const char *key)
{
  g_autofree char *value = NULL;

  if (self->settings == NULL)
    return NULL;
  value = g_strstrip (g_settings_get_string (self->settings, key));
  if (*value == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

static void
ls_context_dispose (GObject *object)
{
  LsContext *self = LS_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ls_context_parent_class)->dispose (object);
}

static void
ls_context_get_property (GObject *object,
                         guint prop_id,
                         GValue *value,
                         GParamSpec *pspec)
{
  LsContext *self = LS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_context_set_property (GObject *object,
                         guint prop_id,
                         const GValue *value,
                         GParamSpec *pspec)
{
  LsContext *self = LS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      ls_context_set_organisation (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_context_class_init (LsContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ls_context_dispose;
  object_class->get_property = ls_context_get_property;
  object_class->set_property = ls_context_set_property;

  properties[PROP_STORE] = g_param_spec_object (
      "store", "Store", "Where the cases are kept", LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", "Organisation", "The organisation, its kind and units",
      LS_TYPE_ORGANISATION,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SETTINGS] = g_param_spec_object (
      "settings", "Settings", "The user's name and title", G_TYPE_SETTINGS,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ls_context_init (LsContext *self)
{
}

/**
 * ls_context_new:
 * @store: where the cases are kept
 * @organisation: (nullable): the organisation the store holds
 * @settings: (nullable): the app's settings, for the user's name and title
 *
 * Returns: (transfer full): a new context
 */
LsContext *
ls_context_new (LsStore *store,
                LsOrganisation *organisation,
                GSettings *settings)
{
  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (
      organisation == NULL || LS_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (LS_TYPE_CONTEXT, "store", store, "organisation",
                       organisation, "settings", settings, NULL);
}

LsStore *
ls_context_get_store (LsContext *self)
{
  g_return_val_if_fail (LS_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * ls_context_get_organisation:
 *
 * Returns: (transfer none) (nullable): the organisation; "notify" tells
 *   when Preferences saved a new one
 */
LsOrganisation *
ls_context_get_organisation (LsContext *self)
{
  g_return_val_if_fail (LS_IS_CONTEXT (self), NULL);

  return self->organisation;
}

void
ls_context_set_organisation (LsContext *self, LsOrganisation *organisation)
{
  g_return_if_fail (LS_IS_CONTEXT (self));
  g_return_if_fail (organisation == NULL || LS_IS_ORGANISATION (organisation));

  if (g_set_object (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

/**
 * ls_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings
 */
GSettings *
ls_context_get_settings (LsContext *self)
{
  g_return_val_if_fail (LS_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * ls_context_dup_author:
 *
 * Returns: (transfer full): the user's name for the history and as the
 *   author of documented items: the one in the preferences, or else the
 *   computer account's real name, or its login name
 */
char *
ls_context_dup_author (LsContext *self)
{
  g_autofree char *name = NULL;
  const char *account;

  g_return_val_if_fail (LS_IS_CONTEXT (self), NULL);

  /* In team mode the server says who the person is, and writes it. */
  if (ls_store_get_identity_name (self->store) != NULL)
    return g_strdup (ls_store_get_identity_name (self->store));
  name = dup_setting (self, "user-name");
  if (name != NULL)
    return g_steal_pointer (&name);
  account = g_get_real_name ();
  if (account == NULL || *account == '\0' || g_str_equal (account, "Unknown"))
    account = g_get_user_name ();
  return g_strdup (account);
}

/**
 * ls_context_dup_author_title:
 *
 * Returns: (transfer full) (nullable): the user's title, or %NULL when
 *   none is given
 */
char *
ls_context_dup_author_title (LsContext *self)
{
  g_return_val_if_fail (LS_IS_CONTEXT (self), NULL);

  if (ls_store_get_identity_name (self->store) != NULL)
    return g_strdup (ls_store_get_identity_title (self->store));
  return dup_setting (self, "user-title");
}

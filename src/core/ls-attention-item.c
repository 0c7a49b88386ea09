/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-attention-item"

#include "config.h"

#include "ls-attention-item.h"
#include "ls-requirement.h"

/* One case of the attention list: which case, and what of it needs the
 * manager now, as the rules say.  Immutable: made in a worker thread by
 * ls_store_list_attention_items() and read on the main loop. */
struct _LsAttentionItem
{
  GObject parent_instance;

  LsCaseSummary *summary;
  GPtrArray *requirements; /* LsRequirement */
};

G_DEFINE_FINAL_TYPE (LsAttentionItem, ls_attention_item, G_TYPE_OBJECT)

static void
ls_attention_item_finalize (GObject *object)
{
  LsAttentionItem *self = LS_ATTENTION_ITEM (object);

  g_clear_object (&self->summary);
  g_clear_pointer (&self->requirements, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_attention_item_parent_class)->finalize (object);
}

static void
ls_attention_item_class_init (LsAttentionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_attention_item_finalize;
}

static void
ls_attention_item_init (LsAttentionItem *self)
{
}

/**
 * ls_attention_item_new:
 * @summary: the case
 * @requirements: (element-type LsRequirement): what needs attention; a
 *   reference is kept
 *
 * Returns: (transfer full): the item
 */
LsAttentionItem *
ls_attention_item_new (LsCaseSummary *summary, GPtrArray *requirements)
{
  LsAttentionItem *self;

  g_return_val_if_fail (LS_IS_CASE_SUMMARY (summary), NULL);
  g_return_val_if_fail (requirements != NULL, NULL);

  self = g_object_new (LS_TYPE_ATTENTION_ITEM, NULL);
  self->summary = g_object_ref (summary);
  self->requirements = g_ptr_array_ref (requirements);
  return self;
}

const char *
ls_attention_item_get_uuid (LsAttentionItem *self)
{
  g_return_val_if_fail (LS_IS_ATTENTION_ITEM (self), NULL);

  return ls_case_summary_get_uuid (self->summary);
}

const char *
ls_attention_item_get_regno (LsAttentionItem *self)
{
  g_return_val_if_fail (LS_IS_ATTENTION_ITEM (self), NULL);

  return ls_case_summary_get_regno (self->summary);
}

const char *
ls_attention_item_get_unit (LsAttentionItem *self)
{
  g_return_val_if_fail (LS_IS_ATTENTION_ITEM (self), NULL);

  return ls_case_summary_get_unit (self->summary);
}

const char *
ls_attention_item_get_status (LsAttentionItem *self)
{
  g_return_val_if_fail (LS_IS_ATTENTION_ITEM (self), NULL);

  return ls_case_summary_get_status (self->summary);
}

/**
 * ls_attention_item_get_requirements:
 *
 * Returns: (transfer none) (element-type LsRequirement): what needs
 *   attention, in the rules' order
 */
GPtrArray *
ls_attention_item_get_requirements (LsAttentionItem *self)
{
  g_return_val_if_fail (LS_IS_ATTENTION_ITEM (self), NULL);

  return self->requirements;
}

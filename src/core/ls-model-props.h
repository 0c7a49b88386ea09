/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-model-private.h"

G_BEGIN_DECLS

/* How the walks of the model (ls-model.c, ls-model-write.c) see a
 * class's properties. */
typedef enum
{
  KIND_SKIP,
  KIND_SCALAR,
  KIND_CHILD,
  KIND_LIST,
} PropKind;

/* The record's properties in the order the class declares them, so that
 * exported documents read in a sensible order.  Listing a class's
 * properties walks every property of every type, so each class's list is
 * made once and kept for the life of the process, as the class is. */
typedef struct
{
  GParamSpec **pspecs;
  PropKind *kinds;
  char **names;          /* the member name of each, "_" for "-" */
  char **keys;           /* each name as a document writes it, "\"name\":" */
  gsize *key_lens;       /* the length of each key */
  LsFieldKind *fields;   /* the field kind of each */
  LsModelChecks *checks; /* what a document's value of each is checked for */
  gboolean *required;    /* whether a document must hold it */
  gsize *offsets;        /* ls_record_text_offset() of each */
  gsize *object_offsets; /* ls_record_object_offset() of each */
  gsize *scalar_offsets; /* ls_record_scalar_offset() of each */
  GHashTable *by_member; /* member name -> index + 1 */
  guint n_pspecs;
  guint n_required;
} PropList;

/* clang-format off */
const PropList *ls_model_prop_list (GObject        *object);
void            ls_model_get_value (GObject        *object,
                                    GParamSpec     *pspec,
                                    GValue         *value);
GObject        *ls_model_get_child (GObject        *object,
                                    GParamSpec     *pspec);
GObject        *ls_model_peek_child (GObject       *object,
                                     const PropList *props,
                                     guint          i);
const char     *ls_model_peek_text (GObject        *object,
                                    const PropList *props,
                                    guint           i,
                                    GValue         *value);
/* clang-format on */

G_END_DECLS

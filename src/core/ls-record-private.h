/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a record keeps one of its text properties (or of its children,
 * for ls_record_mark_objects(), or of its booleans and enumerations, for
 * ls_record_mark_scalars()): @offset is the G_STRUCT_OFFSET() of its
 * member in the instance. */
typedef struct
{
  guint prop_id;
  gsize offset;
} LsRecordText;

/* clang-format off */
gboolean ls_record_replace_string (char              **field,
                                   const char         *value);
gboolean ls_record_replace_strv   (char             ***field,
                                   const char *const  *value);
gboolean ls_record_strv_contains  (const char *const  *strv,
                                   const char         *value);
void     ls_record_set_string     (gpointer            self,
                                   char              **field,
                                   GParamSpec         *pspec,
                                   const char         *value);
char   **ls_record_text_field     (gpointer            self,
                                   const LsRecordText *texts,
                                   guint               n_texts,
                                   guint               prop_id);
gboolean ls_record_set_text       (gpointer            self,
                                   const LsRecordText *texts,
                                   guint               n_texts,
                                   GParamSpec        **properties,
                                   guint               prop_id,
                                   const char         *value);
gboolean ls_record_get_text_value (gpointer            self,
                                   const LsRecordText *texts,
                                   guint               n_texts,
                                   guint               prop_id,
                                   GValue             *value);
gboolean ls_record_set_text_value (gpointer            self,
                                   const LsRecordText *texts,
                                   guint               n_texts,
                                   GParamSpec        **properties,
                                   guint               prop_id,
                                   const GValue       *value);
void     ls_record_free_texts     (gpointer            self,
                                   const LsRecordText *texts,
                                   guint               n_texts);
void     ls_record_mark_texts     (GParamSpec        **properties,
                                   const LsRecordText *texts,
                                   guint               n_texts);
gsize    ls_record_text_offset    (GParamSpec         *pspec);
void     ls_record_mark_objects   (GParamSpec        **properties,
                                   const LsRecordText *objects,
                                   guint               n_objects);
gsize    ls_record_object_offset  (GParamSpec         *pspec);
void     ls_record_mark_scalars   (GParamSpec        **properties,
                                   const LsRecordText *scalars,
                                   guint               n_scalars);
gsize    ls_record_scalar_offset  (GParamSpec         *pspec);
void     ls_record_set_boolean    (gpointer            self,
                                   gboolean           *field,
                                   GParamSpec         *pspec,
                                   gboolean            value);
/* clang-format on */

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ls-case.h"
#include "ls-organisation.h"

G_BEGIN_DECLS

/* A case as a backend writes it: checked against the organisation and,
 * when valid, serialised (ls_store_serialize_case()).  @invalid is
 * ls_rules_validate()'s error, for the save to report where it always
 * has, after the stored case was looked at. */
typedef struct
{
  LsCase *lcase;
  char *json;
  GPtrArray *item_json;
  GString *search_text;
  GError *invalid;
} LsStoreRecord;

/* The cases of an exchange document read, checked and serialised on a
 * thread of its own, a few ahead of the writer that saves them in their
 * order. */
typedef struct _LsImportReader LsImportReader;

/* clang-format off */
LsStoreRecord  *ls_store_record_new           (LsCase             *lcase,
                                               LsOrganisation     *organisation);
void            ls_store_record_free          (LsStoreRecord      *record);
gboolean        ls_store_record_check         (LsStoreRecord      *record,
                                               GError            **error);

LsImportReader *ls_import_reader_new          (JsonArray          *cases,
                                               LsOrganisation     *organisation);
LsStoreRecord  *ls_import_reader_next         (LsImportReader     *reader,
                                               GError            **error);
void            ls_import_reader_done         (LsImportReader     *reader,
                                               LsStoreRecord      *record);
void            ls_import_reader_free         (LsImportReader     *reader);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsStoreRecord, ls_store_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsImportReader, ls_import_reader_free)

G_END_DECLS

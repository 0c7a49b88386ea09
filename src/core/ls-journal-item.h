/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_JOURNAL_ITEM (ls_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (LsJournalItem, ls_journal_item, LS, JOURNAL_ITEM, GObject)

/* clang-format off */
LsJournalItem *ls_journal_item_new               (void);
const char    *ls_journal_item_get_uuid          (LsJournalItem *self);
void           ls_journal_item_set_uuid          (LsJournalItem *self,
                                                  const char    *uuid);
const char    *ls_journal_item_get_documented_on (LsJournalItem *self);
void           ls_journal_item_set_documented_on (LsJournalItem *self,
                                                  const char    *documented_on);
const char    *ls_journal_item_get_source        (LsJournalItem *self);
void           ls_journal_item_set_source        (LsJournalItem *self,
                                                  const char    *source);
LsJournalKind  ls_journal_item_get_kind          (LsJournalItem *self);
void           ls_journal_item_set_kind          (LsJournalItem *self,
                                                  LsJournalKind  kind);
const char    *ls_journal_item_get_author_name   (LsJournalItem *self);
void           ls_journal_item_set_author_name   (LsJournalItem *self,
                                                  const char    *author_name);
const char    *ls_journal_item_get_author_title  (LsJournalItem *self);
void           ls_journal_item_set_author_title  (LsJournalItem *self,
                                                  const char    *author_title);
const char    *ls_journal_item_get_text          (LsJournalItem *self);
void           ls_journal_item_set_text          (LsJournalItem *self,
                                                  const char    *text);
LsPoints       ls_journal_item_get_points        (LsJournalItem *self);
void           ls_journal_item_set_points        (LsJournalItem *self,
                                                  LsPoints       points);
const char    *ls_journal_item_get_corrects      (LsJournalItem *self);
void           ls_journal_item_set_corrects      (LsJournalItem *self,
                                                  const char    *corrects);
/* clang-format on */

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_BOARD_NOTICE (ls_board_notice_get_type ())

G_DECLARE_FINAL_TYPE (LsBoardNotice, ls_board_notice, LS, BOARD_NOTICE, GObject)

/* clang-format off */
LsBoardNotice *ls_board_notice_new             (void);
LsNoticeStage  ls_board_notice_get_stage       (LsBoardNotice *self);
void           ls_board_notice_set_stage       (LsBoardNotice *self,
                                                LsNoticeStage  stage);
const char    *ls_board_notice_get_board       (LsBoardNotice *self);
void           ls_board_notice_set_board       (LsBoardNotice *self,
                                                const char    *board);
const char    *ls_board_notice_get_notified_on (LsBoardNotice *self);
void           ls_board_notice_set_notified_on (LsBoardNotice *self,
                                                const char    *notified_on);
const char    *ls_board_notice_get_how         (LsBoardNotice *self);
void           ls_board_notice_set_how         (LsBoardNotice *self,
                                                const char    *how);
gboolean ls_board_notice_get_secrecy_prevents (LsBoardNotice *self);
void ls_board_notice_set_secrecy_prevents (LsBoardNotice *self, gboolean secrecy_prevents);
const char *ls_board_notice_get_secrecy_reason (LsBoardNotice *self);
void ls_board_notice_set_secrecy_reason (LsBoardNotice *self, const char *secrecy_reason);
const char *ls_board_notice_get_letter_sent_on (LsBoardNotice *self);
void ls_board_notice_set_letter_sent_on (LsBoardNotice *self, const char *letter_sent_on);
/* clang-format on */

G_END_DECLS

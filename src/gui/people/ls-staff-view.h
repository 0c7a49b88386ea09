/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-organisation.h"
#include "ls-people-register.h"

G_BEGIN_DECLS

/**
 * LsStaffFilter:
 * @LS_STAFF_FILTER_ALL: everybody
 * @LS_STAFF_FILTER_ATTENTION: people the rules flag
 * @LS_STAFF_FILTER_ACTIVE: people whose engagement has not ended
 * @LS_STAFF_FILTER_ENDED: people who have left
 */
typedef enum
{
  LS_STAFF_FILTER_ALL,
  LS_STAFF_FILTER_ATTENTION,
  LS_STAFF_FILTER_ACTIVE,
  LS_STAFF_FILTER_ENDED,
} LsStaffFilter;

#define LS_TYPE_STAFF_VIEW (ls_staff_view_get_type ())

G_DECLARE_FINAL_TYPE (LsStaffView, ls_staff_view, LS, STAFF_VIEW, AdwBin)

/* clang-format off */
GtkWidget *ls_staff_view_new             (LsPeopleRegister *register_,
                                          LsOrganisation   *organisation,
                                          const char       *today);
void       ls_staff_view_set_filter      (LsStaffView      *self,
                                          const char       *unit_id,
                                          LsStaffFilter     filter);
guint      ls_staff_view_get_n_shown     (LsStaffView      *self);
void       ls_staff_view_select_all      (LsStaffView      *self);
GStrv      ls_staff_view_dup_selected    (LsStaffView      *self);
GtkWidget *ls_staff_view_record_occasion (LsStaffView      *self);
GtkWidget *ls_staff_view_edit_person     (LsStaffView      *self,
                                          LsPerson         *person);
void       ls_staff_view_refresh         (LsStaffView      *self);
void       ls_staff_view_set_read_only   (LsStaffView      *self,
                                          const char       *why);
/* clang-format on */

G_END_DECLS

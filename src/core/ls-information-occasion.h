/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_INFORMATION_OCCASION (ls_information_occasion_get_type ())

G_DECLARE_FINAL_TYPE (LsInformationOccasion,
                      ls_information_occasion,
                      LS,
                      INFORMATION_OCCASION,
                      GObject)

/* clang-format off */
LsInformationOccasion *ls_information_occasion_new              (void);
const char            *ls_information_occasion_get_id           (LsInformationOccasion *self);
void                   ls_information_occasion_set_id           (LsInformationOccasion *self,
                                                                 const char            *id);
const char            *ls_information_occasion_get_held_on      (LsInformationOccasion *self);
void                   ls_information_occasion_set_held_on      (LsInformationOccasion *self,
                                                                 const char            *held_on);
gboolean               ls_information_occasion_get_oral         (LsInformationOccasion *self);
void                   ls_information_occasion_set_oral         (LsInformationOccasion *self,
                                                                 gboolean               oral);
gboolean               ls_information_occasion_get_written      (LsInformationOccasion *self);
void                   ls_information_occasion_set_written      (LsInformationOccasion *self,
                                                                 gboolean               written);
const char            *ls_information_occasion_get_given_by     (LsInformationOccasion *self);
void                   ls_information_occasion_set_given_by     (LsInformationOccasion *self,
                                                                 const char            *given_by);
LsOccasionCovered      ls_information_occasion_get_covered      (LsInformationOccasion *self);
void                   ls_information_occasion_set_covered      (LsInformationOccasion *self,
                                                                 LsOccasionCovered      covered);
const char            *ls_information_occasion_get_receiver     (LsInformationOccasion *self);
void                   ls_information_occasion_set_receiver     (LsInformationOccasion *self,
                                                                 const char            *receiver);
const char *const     *ls_information_occasion_get_participants (LsInformationOccasion *self);
void                   ls_information_occasion_set_participants (LsInformationOccasion *self,
                                                                 const char *const     *participants);
void                   ls_information_occasion_add_participant  (LsInformationOccasion *self,
                                                                 const char            *person_id);
gboolean               ls_information_occasion_has_participant  (LsInformationOccasion *self,
                                                                 const char            *person_id);
/* clang-format on */

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-responsibility"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-responsibility.h"

/* The responsibilities the general advice to 7 kap. 1 § SOSFS 2011:5 says
 * the routines should name a holder for, in the advice's order, with the
 * step of a case where each is exercised.  A change of the advice is a
 * change here. */
static const LsResponsibilityInfo responsibilities[LS_N_RESPONSIBILITIES] = {
  { LS_RESPONSIBILITY_INFORM_REPORTERS,
    N_ ("Informs those who must report of their duty"),
    "Informerar de rapporteringsskyldiga om deras skyldighet",
    LS_LAW_ROUTINES_ADVICE, -1, TRUE },
  { LS_RESPONSIBILITY_RECEIVE_REPORTS,
    N_ ("Receives reports, and how reports are made, registered and kept"),
    "Tar emot rapporter, och hur rapporter lämnas, registreras och hålls "
    "ordnade",
    LS_LAW_ROUTINES_ADVICE, LS_STEP_REPORT, TRUE },
  { LS_RESPONSIBILITY_REMEDY,
    N_ ("Sees to it that wrongdoings are remedied without delay"),
    "Ansvarar för att missförhållanden utan dröjsmål undanröjs eller "
    "avhjälps",
    LS_LAW_ROUTINES_ADVICE, LS_STEP_IMMEDIATE_ACTIONS, TRUE },
  { LS_RESPONSIBILITY_INVESTIGATE, N_ ("Is responsible for the investigation"),
    "Ansvarar för att det som har rapporterats utreds", LS_LAW_ROUTINES_ADVICE,
    LS_STEP_INVESTIGATORS, TRUE },
  { LS_RESPONSIBILITY_INVESTIGATION_CONTENT,
    N_ ("What an investigation contains"), "Vad en utredning ska innehålla",
    LS_LAW_ROUTINES_ADVICE, -1, FALSE },
  { LS_RESPONSIBILITY_CLOSE,
    N_ ("Closes the investigation with a decision or conclusion"),
    "Avslutar utredningen med ett beslut eller ett ställningstagande",
    LS_LAW_ROUTINES_ADVICE, LS_STEP_CONCLUSION, TRUE },
  { LS_RESPONSIBILITY_ASSESS_NOTIFICATION,
    N_ ("Assesses whether IVO is to be notified"),
    "Ansvarar för bedömningen av om en anmälan till IVO ska göras",
    LS_LAW_ROUTINES_ADVICE, LS_STEP_NOTIFICATION, TRUE },
  { LS_RESPONSIBILITY_SEND_NOTIFICATION, N_ ("Sends the notification to IVO"),
    "Ansvarar för att anmälan lämnas till IVO", LS_LAW_ROUTINES_ADVICE,
    LS_STEP_NOTIFICATION, TRUE },
  { LS_RESPONSIBILITY_INFORM_STAFF,
    N_ ("Decides on informing and supporting the staff concerned"),
    "Tar ställning till vilka i personalen som ska informeras och hur, och "
    "om och hur berörd personal ska ges stöd",
    LS_LAW_ROUTINES_ADVICE, LS_STEP_ACTIONS, TRUE },
  { LS_RESPONSIBILITY_INFORM_INDIVIDUAL,
    N_ ("Decides on informing and supporting the individual"),
    "Tar ställning till om och hur den enskilde som berörs ska ges stöd och "
    "informeras om rapporten och åtgärderna",
    LS_LAW_ROUTINES_ADVICE, LS_STEP_INDIVIDUAL, TRUE },
};

/* What an investigation contains (5 kap. 2–5 §§), as the app asks for it;
 * the routines document prints it under its responsibility.  Swedish, as
 * the document is. */
static const char *const checklist[] = {
  "Vad missförhållandet eller risken har bestått i och vilka konsekvenser "
  "det har fått eller kunde ha fått för den enskilde (5 kap. 2 § 1)",
  "När den muntliga eller skriftliga rapporten togs emot (5 kap. 2 § 2)",
  "När och hur missförhållandet eller risken uppmärksammades (5 kap. 2 § 3)",
  "När missförhållandet inträffade (5 kap. 2 § 4)",
  "De orsaker som har identifierats (5 kap. 2 § 5)",
  "Om något liknande har inträffat tidigare och i så fall varför det har "
  "inträffat igen (5 kap. 2 § 6)",
  "Bedömningen av om något liknande skulle kunna inträffa igen "
  "(5 kap. 2 § 7)",
  "Vilka åtgärder som har vidtagits för att undanröja eller avhjälpa "
  "missförhållandet och när (5 kap. 3 § 1)",
  "Vad som i övrigt har framkommit under utredningen (5 kap. 3 § 2)",
  "Vilket beslut eller ställningstagande utredningen avslutades med "
  "(5 kap. 3 § 3)",
  "För varje dokumenterad uppgift: datum, varifrån den kommer, om den är "
  "fakta eller bedömning och vem (namn och titel) som dokumenterade den "
  "(5 kap. 4 §)",
  "Åtgärder som har vidtagits eller planeras för att förhindra att något "
  "liknande inträffar igen (5 kap. 5 §)",
};

const LsResponsibilityInfo *
ls_responsibility_get_info (LsResponsibility responsibility)
{
  g_return_val_if_fail (responsibility < LS_N_RESPONSIBILITIES, NULL);

  return &responsibilities[responsibility];
}

/**
 * ls_responsibility_for_step:
 *
 * Returns: the responsibility whose holder acts at @step, or -1
 */
int
ls_responsibility_for_step (LsStep step)
{
  for (guint i = 0; i < G_N_ELEMENTS (responsibilities); i++)
    if (responsibilities[i].step == (int) step)
      return (int) responsibilities[i].responsibility;
  return -1;
}

/**
 * ls_responsibility_get_checklist:
 *
 * Returns: (transfer none): what an investigation contains, in Swedish
 */
const char *const *
ls_responsibility_get_checklist (guint *n_items)
{
  g_return_val_if_fail (n_items != NULL, NULL);

  *n_items = G_N_ELEMENTS (checklist);
  return checklist;
}

"""Words that show a piece of writing is about social services work at all.

Text under a criterion's heading that is about shopping or a holiday shares almost none of
these; evidence of any criterion shares many. Used by evidence.py as one signal among
several, never alone. Written here from the vocabulary of the bundled badges' criteria and of
SSSC's guidance on reflective evidence.
"""

from __future__ import annotations

DOMAIN_WORDS = """
social services care carer carers support supported supporting service services person people individual
team staff colleague colleagues manager managers management lead leader leaders leadership supervision
practice practitioner practitioners professional professionals profession organisation organisations agency
agencies partner partners partnership health wellbeing safety safe risk risks protection safeguarding harm
family families parent parents child children young adult adults older resident residents tenant tenants
client clients patient patients user users community communities home homes housing unit ward hospital
council nhs gp nurse doctor police school social worker workers work role roles responsibility responsible
policy policies procedure procedures legislation law act guidance standards codes code values value ethics
ethical rights dignity respect choice choices control independence outcome outcomes plan plans planning
assessment assessments review reviews meeting meetings record records report reports information data
evidence quality improvement improve improved audit inspection inspectorate feedback complaint complaints
learning learned learnt learn training course development reflect reflection reflective understand
understanding aware awareness skills knowledge confidence confident decision decisions judgement judgment
change changes budget budgets resources resource funding money cost costs contract contracts commissioning
recruitment interview vetting induction appraisal performance concern concerns escalate referral referred
incident incidents medication medicines dementia disability disabilities mental health behaviour distress
communication communicate listen listened listening conversation discussed discussion explained agreed
involve involved involvement participation co-production coproduction voice views consult consulted
culture values trust relationship relationships rapport collaborate collaboration joint together shared
strategy strategic vision direction future goals priorities aims innovation idea ideas pilot trial
feedback survey questionnaire complaint compliment evaluate evaluation monitor monitoring performance
rota shift shifts keyworker key worker visit visits visited needs need personal personalised outcomes
emotional emotions feelings stress wellbeing balance burnout boundaries prejudice bias assumptions
diverse diversity equality inclusion inclusive marginalised culture cultural faith language interpreter
advocacy advocate advocated rights-based person-centred trauma-informed poverty homeless addiction recovery
citizen citizens leadership labels stigma power lived experience empower empowered empowering
"""

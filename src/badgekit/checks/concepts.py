"""Everyday words for the ideas social services criteria ask about.

Evidence is usually told in everyday words that share nothing with the criterion: "the
housing officer now rings me first" evidences trust with "colleagues in other agencies".
A criterion and a learner's sentence are both read through this table: any of a concept's
words or phrases, in either, adds the concept (``@agency``, ``@family``...) to its terms,
so the two meet on the idea even when no word is shared. The table is badge-independent,
so it serves an organisation's own badges (criterion text only) as well as SSSC's.

Words are matched by the same crude stems as everything else in the coverage engine
(see evidence.py), so "agency" and "agencies" are one entry.
"""

from __future__ import annotations

#: concept -> its words and phrases, in lower case. Keep each concept to one idea that a
#: criterion might single out; words shared by every criterion (work, people) are useless.
CONCEPTS: dict[str, str] = {
    "agency": """agency agencies partner partners partnership nhs gp gps doctor doctors nurse nurses police housing
        council school schools teacher teachers hospital hospitals ward camhs pharmacist pharmacy physio
        physiotherapist therapist advocacy dwp court courts inspectorate commissioners multi-agency multiagency
        external health-board hscp paramedic paramedics ambulance fire-service voluntary third-sector charity
        charities college colleges employability jobcentre procurator; other agencies; social work; social worker;
        social workers; health visitor; district nurse; community nurse; housing officer; care inspectorate;
        health board; third sector; partner agencies; another organisation; other organisations; other services;
        across organisations; psychiatrist; occupational therapist; speech and language""",
    "person": """resident residents tenant tenants client clients patient patients individual individuals
        service-user service-users pupil pupils; people who use services; person i support; people i support;
        people we support; young person; young people; the man; the woman; the lady; the gentleman; older people;
        supported person; the person""",
    "family": """family families carer carers parent parents mum mother dad father son daughter wife husband
        partner's relative relatives sister brother grandparent grandparents grandmother grandfather granny
        guardian kinship niece nephew; unpaid carers; next of kin""",
    "staff": """staff team teams colleague colleagues worker workers practitioner practitioners keyworker
        keyworkers seniors rota rotas shift shifts supervisee supervisees frontline workforce employee employees
        carer's; support worker; support workers; night staff; my team; the team; care staff; team members""",
    "senior": """director directors board trustees chief executive; senior manager; senior managers;
        operations manager; head of service; service manager; leadership team; senior leadership; line manager;
        my manager; area manager; management team; senior team""",
    "wellbeing": """wellbeing well-being stress stressed burnout burnt tired exhausted exhaustion sleep exercise
        breaks annual-leave holiday holidays rest resting boundaries counselling switch balance yoga swim swimming
        walking gym overtime; work-life; work life; own health; mental health; time off; look after myself;
        looking after myself; lunch break; days off; self-care; self care""",
    "feedback": """feedback survey surveys questionnaire questionnaires complaint complaints compliment
        compliments comments evaluation evaluations appraisal appraisals 360; views of; asked for views;
        suggestion box""",
    "values": """values value ethics ethical dignity respect rights compassion honesty integrity fairness equality
        principles moral morals; codes of practice; code of practice; human rights""",
    "risk": """risk risks risky danger dangerous harm harmed safety safe unsafe fall falls protection
        safeguarding hazard hazards incident incidents accident accidents vulnerable; adult protection;
        child protection""",
    "change": """change changes changed changing restructure restructuring introduce introduced introducing
        transition implement implemented implementation redesign moved replaced new-system reorganisation""",
    "money": """budget budgets money cost costs costing spend spending funding funded finance finances financial
        savings overspend invoice invoices procurement contract contracts commissioning tender tenders price
        prices cheaper affordable resources resourcing; value for money; best value""",
    "learning": """training course courses cpd qualification qualifications svq induction mentoring mentor
        coaching coach shadowing study studying webinar module modules e-learning elearning workshop workshops""",
    "trust": """trust trusted trusting rely relied reliable depend dependable rapport relationship relationships
        confide; rings me; calls me; phones me; comes to me; come to me; open with me; honest with me""",
    "outcome": """outcome outcomes independence goals achieve achieved achieving progress; quality of life;
        personal outcomes; made a difference; difference to""",
    "conflict": """disagree disagreed disagreement disagreements conflict conflicts conflicting row argument
        arguments dispute disputes tension tensions objected dissent challenge challenged challenging
        contradicted complain complained; pushed back; different view; different views; differing views;
        did not agree; didn't agree""",
    "participation": """involve involved involvement involving participate participation participated co-produce
        co-produced coproduction co-production consult consulted consultation voice choice choices choose chose
        panel; say in; residents meeting; tenants meeting; had a say; their say; shaped""",
    "diversity": """diverse diversity culture cultural faith religion religious language languages interpreter
        lgbt lgbtq gypsy traveller travellers refugee refugees asylum marginalised minority ethnic deaf homeless
        homelessness addiction poverty stigma excluded exclusion disability disabilities autism autistic""",
    "recruitment": """recruit recruited recruiting recruitment interview interviews interviewed vetting pvg
        references hiring hired applicant applicants vacancy vacancies advert; job advert""",
    "quality": """audit audits audited quality inspection inspections inspector performance indicators kpi kpis
        monitoring monitored self-evaluation benchmark benchmarking grades graded; improvement plan;
        quality assurance""",
    "information": """information data records record evidence figures statistics reports report assessment
        assessments notes analysis analysed spreadsheet""",
    "strategy": """vision strategy strategic direction long-term priorities priority mission aims; the future;
        five years; three years; next year""",
    "innovation": """idea ideas innovation innovative creative creativity trial trialled pilot piloted experiment
        new-way; new approach; tried something""",
    "emotion": """emotions emotion feelings angry anger frustrated frustration upset anxious anxiety prejudice
        prejudices bias biases assumption assumptions triggered calm defensive irritated annoyed""",
    "law": """act acts law laws legislation legal statutory regulation regulations policy policies procedure
        procedures framework frameworks guidance""",
    "escalate": """escalate escalated escalating raised reported referral referred notified notification flagged
        alerted whistleblowing whistleblow; raised a concern; raised concerns""",
    "supervision": """supervision supervisions supervise supervised supervising; one to one; one-to-one""",
    "communication": """communicate communicated communication communicating talked spoke phoned rang emailed
        explained listened conversation conversations discussed discussion meeting meetings briefing newsletter
        update updates""",
}

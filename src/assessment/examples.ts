// Ready-made requests: what Swagger UI offers as POST bodies, and what GET /v1/assessments/examples lists.
// They are hypothetical requests shaped like public cases, not records of those cases.
import type { AssessmentRequest } from '../../schemas/assessment.js'

export interface AssessmentExample { id: string; title: string; description: string; request: AssessmentRequest }

export const ASSESSMENT_EXAMPLES: AssessmentExample[] = [
  {
    id: 'iran-2021-us-officials',
    title: 'Iran asks for a Red Notice against US officials over the Soleimani strike (January 2021)',
    description: 'Shaped like the request Iran announced on 5 January 2021 (see /v1/cases/iran-2021-us-officials).',
    request: {
      noticeType: 'red',
      requester: { country: 'IR' },
      date: '2021-01-05',
      subject: { nationalities: ['US'], roles: ['head-of-state', 'government-official', 'military-officer'] },
      offence: { summary: 'Killing of a general in a drone strike near Baghdad airport', categories: ['murder', 'terrorism'], context: ['military-operation'] },
      judicial: { arrestWarrant: true, issuedBy: 'Tehran prosecutor' }
    }
  },
  {
    id: 'ordinary-murder',
    title: 'A member country asks for a Red Notice for a murder suspect',
    description: 'An ordinary-law crime with a warrant and a penalty well above the threshold.',
    request: {
      noticeType: 'red',
      requester: { country: 'FR' },
      subject: { roles: ['private-individual'] },
      offence: { summary: 'Murder', categories: ['murder'], context: ['ordinary-criminal'], maxPenaltyMonths: 360 },
      judicial: { arrestWarrant: true }
    }
  },
  {
    id: 'refugee-requested-by-country-of-origin',
    title: 'A country asks for a Red Notice against a refugee recognised abroad',
    description: 'Shaped like the al-Araibi case (see /v1/cases/al-araibi-2018): a refugee recognised by Australia, sought by Bahrain.',
    request: {
      noticeType: 'red',
      requester: { country: 'BH' },
      subject: { nationalities: ['BH'], roles: ['refugee'], refugee: { status: 'recognised', grantedBy: 'AU' } },
      offence: { categories: ['other'], soughtFor: 'sentence', sentenceRemainingMonths: 120 },
      judicial: { courtDecision: true, inAbsentia: true }
    }
  },
  {
    id: 'unpaid-cheque',
    title: 'A Red Notice for an unfunded cheque',
    description: 'Offences deriving from private disputes are excluded from Red Notices, but the CCF kept one for unfunded cheques (Decision No. 2 of 2018): a concern, with that decision cutting against it.',
    request: {
      noticeType: 'red',
      requester: { country: 'AE' },
      subject: { roles: ['business-person'] },
      offence: { categories: ['unpaid-debt-or-cheque'], context: ['private-commercial-dispute'], maxPenaltyMonths: 36 },
      judicial: { arrestWarrant: true }
    }
  },
  {
    id: 'non-member',
    title: 'A non-member country asks for a Red Notice',
    description: 'North Korea is not an INTERPOL member, so it cannot request notices at all.',
    request: {
      noticeType: 'red',
      requester: { country: 'KP' },
      offence: { categories: ['fraud'], maxPenaltyMonths: 120 },
      judicial: { arrestWarrant: true }
    }
  },
  {
    id: 'restricted-requester-diffusion',
    title: 'Russia sends a wanted-person diffusion after March 2022',
    description: 'Russia\'s diffusions go through prior review by the General Secretariat since 10 March 2022.',
    request: {
      noticeType: 'diffusion',
      requester: { country: 'RU' },
      date: '2023-05-02',
      offence: { categories: ['fraud'], maxPenaltyMonths: 120 },
      judicial: { arrestWarrant: true }
    }
  },
  {
    id: 'consensual-sexual-conduct',
    title: 'A Red Notice to prosecute homosexual acts between consenting adults',
    description: 'An offence that raises controversial issues of behavioural or cultural norms, which RPD Art. 83 excludes from Red Notices.',
    request: {
      noticeType: 'red',
      requester: { country: 'IR' },
      subject: { roles: ['private-individual'] },
      offence: { categories: ['consensual-sexual-conduct'], maxPenaltyMonths: 120 },
      judicial: { arrestWarrant: true }
    }
  },
  {
    id: 'icc-head-of-state',
    title: 'The ICC asks for a Red Notice against a sitting head of state for crimes against humanity',
    description: 'An international court charging crimes within its jurisdiction: the 1994 resolution on humanitarian law applies, and the subject\'s office does not make it political.',
    request: {
      noticeType: 'red',
      requester: { entity: 'icc' },
      subject: { roles: ['head-of-state'] },
      offence: { categories: ['crimes-against-humanity-or-war-crimes'], context: ['armed-conflict'], maxPenaltyMonths: 12000 },
      judicial: { arrestWarrant: true }
    }
  },
  {
    id: 'journalist-defamation',
    title: 'A Red Notice against a journalist for criminal defamation',
    description: 'A speech offence against a journalist: political in character under Article 3, an offence of damaging honour under RPD Art. 83, and an Article 2 concern.',
    request: {
      noticeType: 'red',
      requester: { country: 'AZ' },
      subject: { roles: ['journalist'] },
      offence: { categories: ['defamation-or-speech'], maxPenaltyMonths: 36 },
      judicial: { arrestWarrant: true }
    }
  },
  {
    id: 'yellow-notice-family',
    title: 'A Yellow Notice for a child taken abroad by a parent',
    description: 'No offence is needed for a Yellow Notice; in a family matter the CCF looks at who is missing and why.',
    request: {
      noticeType: 'yellow',
      requester: { country: 'FR' },
      offence: { summary: 'A child taken abroad by a parent', context: ['family-matter'] }
    }
  },
  {
    id: 'kosovo',
    title: 'Kosovo asks for a Red Notice',
    description: 'Kosovo (XK, a user-assigned code) is not an INTERPOL member: its application was rejected in 2018.',
    request: {
      noticeType: 'red',
      requester: { country: 'XK' },
      offence: { categories: ['crimes-against-humanity-or-war-crimes'], maxPenaltyMonths: 12000 },
      judicial: { arrestWarrant: true }
    }
  }
]

// Article 3, political limb: the predominance test weighs the political elements of a request against its
// ordinary-law elements. Purely political offences fail; ordinary crimes in a political setting are weighed, and
// the seriousness of a violent charge (with the 1984 terrorism resolution) is the counterweight. Who asks matters:
// an international criminal jurisdiction or a Security Council committee is not a state pursuing its opponents.
import type { Rule, RuleOutcome } from './rule.js'
import { HUMANITARIAN_LAW, TERRORISM, TERRORIST_MEMBERSHIP } from './rule.js'
import { any, asks, capital, laterNote, theCountry, seeks, fromInternationalJurisdiction, fromSecurityCouncil, ownNational, requesterPhrase, seeksArrest, seriousViolent, type AssessmentContext } from '../context.js'
import * as words from '../words.js'
import { nameInSentence } from '../countries.js'

/** Roles that make a person a target of political persecution, not only holders of political office. */
export const POLITICAL_ROLES = ['head-of-state', 'former-head-of-state', 'government-official', 'politician', 'political-opposition', 'diplomat', 'journalist', 'human-rights-defender'] as const
export const STATE_ROLES = ['head-of-state', 'former-head-of-state', 'government-official', 'military-officer', 'diplomat'] as const
/** Offences whose very definition is political: speech, protest, and offences against the state itself. */
export const PURELY_POLITICAL_OFFENCES = ['defamation-or-speech', 'unauthorised-protest', 'treason-espionage-sedition'] as const
export const SENSITIVE_OFFENCES = ['membership-of-banned-organisation'] as const
export const POLITICAL_CONTEXTS = ['election-or-political-crisis', 'opposition-activity', 'coup-or-unconstitutional-change', 'protest'] as const
export const INTERSTATE_CONTEXTS = ['military-operation', 'armed-conflict'] as const
const WAR_CRIMES = 'crimes-against-humanity-or-war-crimes'

function foreignStateOfficial (ctx: AssessmentContext): RuleOutcome | undefined {
  const stateRoles = any(ctx.roles, STATE_ROLES)
  const interstate = any(ctx.contexts, INTERSTATE_CONTEXTS)
  const own = ownNational(ctx)
  const sittingHead = ctx.roles.has('head-of-state')
  if (stateRoles.length === 0 || own === true || !ctx.country) return undefined
  if (interstate.length === 0 && !(sittingHead && own === false)) {
    if (!sittingHead) return undefined
    return {
      result: 'concern',
      reason: `The subject is ${words.role('head-of-state')}, but the request does not say of which country: a request against another state's sitting head of state is refused under Article 3, while a request by the person's own state is weighed case by case, like any charge against an office holder.`,
      missing: [{ field: 'subject.nationalities', why: 'A request by one state against another state\'s sitting head of state fails on Article 3.' }],
      changes: [
        { result: 'fails', if: `the subject leads a state other than ${theCountry(ctx)}` },
        { result: 'passes', if: 'the charge is an ordinary crime and the subject is the requester\'s own national with no political role in the case' }
      ]
    }
  }
  const setting = interstate.length > 0 ? ` over acts in ${words.contexts(interstate)}` : ''
  const who = `${words.roles(stateRoles)}${own === false ? ` of ${words.and(ctx.nationalities.map((code) => nameInSentence(ctx.dataset, code)))}` : ' of another state'}`
  if (ctx.categories.has(WAR_CRIMES)) {
    return {
      result: 'concern',
      reason: `${capital(theCountry(ctx))} charges ${who}${setting} with ${words.category(WAR_CRIMES)}. The 1994 resolution lets INTERPOL process serious violations of international humanitarian law despite their political and military setting, so the charge is not refused as such; but a request by one state against another state's officials is where political elements weigh most, and the conditions of that resolution need review.`,
      applies: [HUMANITARIAN_LAW],
      changes: [
        { result: 'passes', if: 'an international criminal court or tribunal makes the request, or the file shows a serious violation of humanitarian law independent of the interstate dispute' },
        { result: 'fails', if: 'the acts charged are ordinary acts of the other state\'s policy or combat, labelled as crimes' }
      ]
    }
  }
  const terrorism = ctx.categories.has('terrorism')
  return {
    result: 'fails',
    reason: `${capital(theCountry(ctx))} seeks ${who}${setting} for ${words.categories([...ctx.categories])}: a request by one state over the acts of another state's officials, where the political elements predominate over the ordinary-law charge. INTERPOL said in 2020 and 2021 that it would not consider Iran's requests of this kind against US officials${laterNote(ctx, ['iran-2020-us-officials', 'iran-2021-us-officials'])}.` +
      (terrorism ? ' Calling the act terrorism does not change this: the 1984 resolution lets INTERPOL handle terrorist acts whatever their motive, not an official act of another state.' : '') +
      (sittingHead && interstate.length === 0 ? ' That answer did not depend on the military setting: it is the subject\'s office and the interstate character of the request.' : ''),
    applies: terrorism ? [TERRORISM] : [],
    changes: [
      { result: 'concern', if: `the charge is ${words.category(WAR_CRIMES)} (the 1994 resolution on humanitarian law then weighs)` },
      { result: 'passes', if: 'an international criminal court or tribunal with jurisdiction makes the request' }
    ]
  }
}

export const article3Political: Rule = {
  ground: 'article-3-political',
  evaluate (ctx) {
    const roles = any(ctx.roles, POLITICAL_ROLES)
    const pure = any(ctx.categories, PURELY_POLITICAL_OFFENCES)
    const sensitive = any(ctx.categories, SENSITIVE_OFFENCES)
    const contexts = any(ctx.contexts, POLITICAL_CONTEXTS)
    const violent = seriousViolent(ctx)
    const membership = ctx.categories.has('membership-of-banned-organisation')
    const terrorism = violent.includes('terrorism') ? [TERRORISM, ...(membership ? [TERRORIST_MEMBERSHIP] : [])] : []

    if (fromSecurityCouncil(ctx)) {
      return {
        result: 'passes',
        reason: `${capital(requesterPhrase(ctx))} ${asks(ctx)} for ${words.article(words.noticeName(ctx.noticeType))}: the notice relays measures the Security Council decided against a person it listed, which is what the General Assembly created this notice for; the listed person's political profile is not weighed as it would be in a member country's request.`,
        changes: [{ result: 'fails', if: 'a member country, not the Security Council, were the one pursuing the person for political acts' }]
      }
    }
    if (fromInternationalJurisdiction(ctx)) {
      const charges = [...ctx.categories]
      if (charges.length === 0 || ctx.categories.has(WAR_CRIMES)) {
        // The 2005 opinion is about heads of state or government; it is cited only for them, and only for requests
        // made after it (a reason does not rest on practice that did not exist yet on the request's day).
        const leaders = roles.filter((role) => role === 'head-of-state' || role === 'former-head-of-state')
        const who = roles.length === 0
          ? ''
          : leaders.length > 0 && ctx.day >= '2005'
            ? ` The subject being ${words.roles(roles)} does not change this: the CCF declined in 2005 to treat action against a head of state or government as contrary to Article 3 by itself.`
            : ` The subject being ${words.roles(roles)} does not change this: the court's jurisdiction over these crimes does not depend on the person's office.`
        return {
          result: 'passes',
          reason: `${capital(requesterPhrase(ctx))} ${seeks(ctx)} the person for ${charges.length ? words.categories(charges) : 'crimes within its jurisdiction'}: the 1994 resolution lets INTERPOL process serious violations of international humanitarian law, the basis of its cooperation with the international courts and tribunals.${who}`,
          applies: [HUMANITARIAN_LAW],
          changes: [{ result: 'concern', if: 'the charge fell outside the court\'s jurisdiction over genocide, war crimes and crimes against humanity' }]
        }
      }
      return {
        result: 'concern',
        reason: `${capital(requesterPhrase(ctx))} ${seeks(ctx)} the person for ${words.categories(charges)}, outside the genocide, war crimes and crimes against humanity for which INTERPOL says international courts may request notices; the basis needs checking.`,
        changes: [
          { result: 'passes', if: `the charge is ${words.category(WAR_CRIMES)} or an offence against the court's own administration of justice` },
          { result: 'fails', if: 'the charge is outside the court\'s jurisdiction altogether' }
        ]
      }
    }

    const foreign = foreignStateOfficial(ctx)
    if (foreign) return foreign

    if (pure.length > 0) {
      if (violent.length > 0) {
        return {
          result: 'concern',
          reason: `The request mixes charges that are political by definition (${words.categories(pure)}) with ${words.categories(violent)}: the political charges cannot be the basis of a notice, and whether the violent charge stands on its own facts is the predominance question.`,
          applies: terrorism,
          changes: [
            { result: 'fails', if: 'the violent charge rests on the same speech, protest or opposition to the state' },
            { result: 'passes', if: `the notice is sought for ${words.categories(violent)} alone, on facts of its own` }
          ]
        }
      }
      const facts = [...(roles.length ? [`against ${words.roles(roles)}`] : []), ...(contexts.length ? [`in ${words.contexts(contexts)}`] : [])]
      return {
        result: 'fails',
        reason: `The offence itself (${words.categories(pure)}) is political in character, not an ordinary-law crime${facts.length ? `, and it is charged ${facts.join(' ')}` : ''}: INTERPOL treats purely political offences as outside what it may act on, whatever the requester calls them.`,
        changes: [{ result: 'concern', if: 'the person is also charged with a serious violent crime on facts of its own' }]
      }
    }

    const elements = [
      ...(roles.length ? [`the subject is ${words.roles(roles)}`] : []),
      ...(sensitive.length ? [`the charge is ${words.categories(sensitive)}`] : []),
      ...(contexts.length ? [`the setting is ${words.contexts(contexts)}`] : [])
    ]
    if (elements.length === 0) {
      return {
        result: 'passes',
        reason: `No political element is given: ${ctx.categories.size ? `the charge is ${words.categories([...ctx.categories])}` : 'no charge is named'}, with no political role of the subject and no political setting.`,
        missing: !seeksArrest(ctx) ? [] : [
          ...(ctx.request.subject?.roles ? [] : [{ field: 'subject.roles', why: 'A political role (official, opponent, journalist, head of state) brings in the predominance test.' }]),
          ...(ctx.request.offence?.context ? [] : [{ field: 'offence.context', why: 'An election, protest, coup or military setting can make the political elements predominate.' }])
        ],
        changes: [
          { result: 'concern', if: 'the subject is an opponent, journalist, rights defender or official, or the charge arises in an election, protest or coup' },
          { result: 'fails', if: 'the charge is speech, protest or an offence against the state itself' }
        ]
      }
    }

    if (violent.length > 0) {
      const weighed = `${words.and(elements)}, but the charge is ${words.categories(violent)}, a serious violent crime whose seriousness weighs against the political elements` +
        (terrorism.length ? '; under the 1984 resolution a political motive does not by itself shelter a terrorist act' : '') +
        (terrorism.length && membership ? ', and under the 2004 interpretation a charge of active membership of a terrorist organisation is not barred by Article 3 on that ground alone' : '')
      if (elements.length >= 3) {
        return {
          result: 'fails',
          reason: `Political elements accumulate: ${weighed}. With every element of the pattern present, the political elements are likely to predominate.`,
          applies: terrorism,
          changes: [{ result: 'concern', if: 'the violent act is specific, dated and supported by evidence independent of the political setting' }]
        }
      }
      return {
        result: 'concern',
        reason: `Political elements are present: ${weighed}. The General Secretariat weighs them case by case; one political element does not by itself make the request political.`,
        applies: terrorism,
        changes: [
          { result: 'fails', if: 'the violent charge is vague or rests on the political activity itself, or the subject\'s opposition is what the file describes' },
          { result: 'passes', if: 'the facts of the violent act are specific and the political elements are incidental' }
        ]
      }
    }

    if ((roles.length > 0 && (contexts.length > 0 || sensitive.length > 0)) || (sensitive.length > 0 && contexts.length > 0)) {
      return {
        result: 'fails',
        reason: `${words.and(elements).replace(/^./, (c) => c.toUpperCase())}, and no serious violent crime is charged: the political elements are likely to predominate, as in the refusals of Turkey's post-coup membership requests and of Belarus's request against Sviatlana Tsikhanouskaya${laterNote(ctx, ['turkey-post-coup-requests', 'tsikhanouskaya-2021'])}.`,
        changes: [{ result: 'concern', if: 'a specific violent act is charged on facts of its own' }]
      }
    }
    // One element alone: what it means depends on whether it is the person, the charge or the setting.
    const why = roles.length > 0
      ? 'An ordinary charge against such a person can be a pretext, which the General Secretariat checks case by case; a political profile alone does not bar a notice.'
      : sensitive.length > 0
        ? 'A membership charge can punish political association rather than a crime; what the organisation did and the person\'s part in it are checked case by case.'
        : 'An ordinary charge in such a setting can be a pretext, which the General Secretariat checks case by case; the setting alone does not bar a notice.'
    return {
      result: 'concern',
      reason: `A political element is present: ${words.and(elements)}. ${why}`,
      missing: ctx.request.offence?.context ? [] : [{ field: 'offence.context', why: 'Whether the charge arose in an election, protest, coup or opposition activity decides whether political elements predominate.' }],
      changes: [
        { result: 'fails', if: 'the charge arises from the person\'s political activity, journalism or rights work, or in an election, protest or coup' },
        { result: 'passes', if: 'the facts charged have nothing to do with the person\'s public role' }
      ]
    }
  }
}

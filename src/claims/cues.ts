// What every misconception shares: the words that turn a claim around. A passage that uses a misconception's words
// is not flagged when its clause negates it ("a Red Notice is NOT an arrest warrant"), when the sentence corrects it
// ("it is a myth that…"), or when the writer reports someone else's claim ("Iran said that…", a quotation). Written
// in the phrasing language of data/misconceptions.yaml; a record adds its own `exceptions`.
import type { Language } from '../http/language.js'

/** Single words that negate the clause they sit in (English contractions split: isn't → isn, t). */
export const NEGATIONS: Record<Language, string[]> = {
  en: ['not', 'no', 'never', 'neither', 'nor', 'cannot', 'isn', 'aren', 'wasn', 'weren', 'doesn', 'don', 'didn', 'won', 'wouldn', 'couldn', 'hasn', 'haven', 't', 'nothing', 'none'],
  fr: ['ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'ni', 'non', 'nullement'],
  es: ['no', 'nunca', 'jamas', 'ni', 'ningun', 'ninguna', 'ninguno', 'tampoco'],
  ar: ['لا', 'ليس', 'ليست', 'لم', 'لن', 'غير', 'ليسوا']
}

/** Anywhere in the sentence: the writer is correcting the claim, not making it. */
export const CORRECTIONS: Record<Language, string[]> = {
  en: ['myth*', 'misconception*', 'misunderst*', 'contrary to', 'not true', 'untrue', 'falsely', 'wrongly', 'mistakenly',
    'erroneous*', 'incorrect*', 'misleading*', 'not the case', 'common mistake*', 'common error*', 'fact check*'],
  fr: ['mythe*', 'idee|idees recue|recues', 'idee|idees fausse|fausses', 'contrairement', 'a tort', 'faux', 'fausse*',
    'errone*', 'pas vrai', 'inexact*', 'erreur*', 'confusion'],
  es: ['mito*', 'contrario a', 'contrariamente', 'erroneamente', 'erroneo*', 'equivocad*', 'no es cierto', 'falso', 'falsa',
    'por error', 'confusion', 'incorrect*'],
  ar: ['خرافه', 'الخطا', 'خطا', 'خاطي*', 'مغالطه', 'عكس', 'خلافا', 'ليس صحيحا', 'غير صحيح', 'مضلل*']
}

/** Before the passage in its sentence, or after it following a comma: someone else's claim is being reported. */
export const ATTRIBUTIONS: Record<Language, string[]> = {
  en: ['said', 'says', 'told', 'tells', 'claim|claims|claimed', 'stated', 'announced', 'reported', 'according to',
    'alleg*', 'insist*', 'assert*', 'wrote', 'writes', 'tweeted', 'argued', 'argues', 'maintain*', 'believe*', 'quoted',
    'suggested', 'declared', 'added'],
  fr: ['declar*', 'selon', 'd apres', 'affirm*', 'dit', 'disent', 'pretend*', 'assur*', 'annonc*', 'estim*', 'soutien*',
    'souten*', 'indiqu*', 'rapport*', 'ecrit', 'croi*', 'ajoute'],
  es: ['dijo', 'dice', 'dicen', 'afirm*', 'segun', 'declar*', 'asegur*', 'sostuv*', 'sostien*', 'anunci*', 'denunci*',
    'inform*', 'de acuerdo con', 'escribi*', 'cree', 'creen', 'alega*', 'anadio'],
  ar: ['قال', 'قالت', 'يقول', 'تقول', 'وفقا', 'حسب', 'زعم*', 'ادعي', 'ادعت', 'يدعي', 'صرح*', 'اكد', 'اكدت', 'ذكر', 'ذكرت',
    'افاد*', 'نقل*', 'يعتقد', 'تعتقد', 'اعتبر*', 'اعلن', 'اعلنت']
}

import type { DenialTopic, RiskFlagType, RiskSeverity } from './types';

/**
 * What the client says that raises a flag. Patterns run on normalized text
 * (lower case, apostrophes dropped, punctuation as spaces: "I don't" ->
 * "i dont") and are first person, so a clinician's screening question or a
 * story about someone else's past does not match. Severity follows common
 * suicide-risk triage: ideation with plan, intent or means, and any threat
 * to others, is high (C-SSRS screener logic, DOMAIN.md 3.5); the clinician's
 * own assessment decides the actual risk level.
 */
export interface RiskPattern {
  type: RiskFlagType;
  severity: RiskSeverity;
  pattern: RegExp;
}

const ME = '(?:me|myself)';

export const RISK_PATTERNS: RiskPattern[] = [
  {
    type: 'suicidal_ideation_passive',
    severity: 'moderate',
    pattern: new RegExp(
      [
        'better off (?:dead|without me|if i (?:was|were)n?t (?:here|around))',
        'wish i (?:was|were) (?:dead|gone|never born)',
        'wish i (?:could|would) (?:just )?(?:disappear|not wake up|go to sleep and not)',
        '(?:dont|do not) want to (?:be here|be alive|wake up|exist|live) ?(?:anymore)?',
        'no (?:point|reason) (?:in|to) (?:living|going on|being alive)',
        'tired of (?:living|being alive)',
        'life (?:isnt|is not) worth living',
        'cant go on',
        'rather be dead',
      ].join('|'),
    ),
  },
  {
    type: 'suicidal_ideation_active',
    severity: 'high',
    pattern: new RegExp(
      [
        `(?:kill|killing) myself`,
        'end(?:ing)? (?:my|it) (?:life|all)',
        'take my (?:own )?life',
        'suicidal',
        'thinking (?:about|of) suicide',
        'commit(?:ting)? suicide',
        'want(?:ed)? to die',
      ].join('|'),
    ),
  },
  {
    type: 'suicide_plan',
    severity: 'high',
    pattern: new RegExp(
      [
        'i (?:have|made|got) a plan (?:to|for) (?:kill|end|die|how)',
        'planned (?:out )?(?:how|when) (?:i|id) (?:would|will|could)? ?(?:do it|kill|end)',
        'know (?:how|when|where) (?:i|id) (?:would|will|could)? ?do it',
        '(?:wrote|written|writing) (?:a )?(?:suicide|goodbye) (?:note|letter)',
      ].join('|'),
    ),
  },
  {
    type: 'suicide_intent',
    severity: 'high',
    pattern: new RegExp(
      [
        'i(?:m| am)? going to (?:kill|end it)',
        'i will (?:kill|end it)',
        'i intend to (?:kill|end|die|do it)',
        'decided to (?:end it|kill)',
        'going to act on (?:it|them|those)',
      ].join('|'),
    ),
  },
  {
    type: 'means_access',
    severity: 'high',
    pattern: new RegExp(
      [
        '(?:i|we|my \\w+) (?:have|has|keep|keeps|own|owns|got|bought) (?:a |my |his |her |the )?(?:guns?|firearms?|pistol|rifle|rope)',
        '(?:saving|saved|stockpiling|hoarding|collecting) (?:up )?(?:my )?(?:pills|meds|medication)',
        'guns? in the (?:house|home|car)',
      ].join('|'),
    ),
  },
  {
    type: 'self_harm',
    severity: 'moderate',
    pattern: new RegExp(
      [
        `(?:cut|cutting|burn|burned|burning|hurt|hurting|hit|hitting|harm|harming) ${ME}`,
        'self harm(?:ing)?',
        'started cutting',
        'been cutting',
      ].join('|'),
    ),
  },
  {
    type: 'homicidal_ideation',
    severity: 'high',
    pattern: new RegExp(
      [
        'i (?:want|wanted|could|am going|m going|will|would like) to (?:kill|hurt|shoot|stab) (?:him|her|them|someone|somebody|my \\w+)',
        'thoughts? (?:about|of) (?:killing|hurting) (?:him|her|them|someone|somebody|my \\w+)',
        'make (?:him|her|them) pay',
      ].join('|'),
    ),
  },
  {
    type: 'abuse_disclosure',
    severity: 'high',
    pattern: new RegExp(
      [
        '(?:he|she|they|my \\w+) (?:hits|hit|beats|beat|kicks|kicked|chokes|choked|slaps|slapped|punched|punches) (?:me|us|the kids|my (?:kids|son|daughter|children))',
        '(?:touched|molested|raped|assaulted) me',
        '(?:sexually |physically )?abused me',
        '(?:he|she|they) (?:hurts|hurt|abuses) (?:me|us|the kids)',
        'afraid (?:of (?:him|her|my (?:husband|wife|partner|boyfriend|girlfriend|dad|father|mom|mother|stepdad|stepmom))|to go home)',
        'forced me to',
      ].join('|'),
    ),
  },
  {
    type: 'neglect_disclosure',
    severity: 'high',
    pattern: new RegExp(
      [
        '(?:kids?|children|son|daughter|baby) (?:home )?alone (?:for|all)',
        'left (?:the kids|my kids|the baby|my (?:son|daughter)) alone',
        'no food in the (?:house|fridge)',
        '(?:doesnt|dont|didnt|never) (?:feed|fed) (?:me|us|the kids|them)',
        'nobody (?:takes|took) care of (?:me|us|the kids)',
      ].join('|'),
    ),
  },
  {
    type: 'overdose',
    severity: 'high',
    pattern:
      /overdos(?:e|ed|ing)|\bod(?:d|ed)\b|took (?:a bunch|too many|a whole bottle|all) (?:of )?(?:my |the )?(?:pills|meds)|needed narcan|gave me narcan/,
  },
  {
    type: 'intoxication',
    severity: 'moderate',
    pattern:
      /(?:im|i am|i was|been) (?:kind of |a little |pretty |so |really )?(?:drunk|high|wasted|buzzed|stoned)|(?:had|drank) (?:a few|some|a couple|several) (?:drinks|beers)? ?(?:before|earlier today|this morning)|(?:smoked|used|took something) (?:before|right before) (?:this|the) (?:call|session)|blacked out/,
  },
];

/** Explicit denials in the client's words ("no plan", "I would never do anything"). */
export const DENIAL_PATTERNS: { about: DenialTopic; pattern: RegExp }[] = [
  {
    about: 'plan',
    pattern:
      /\bno plans?\b|(?:dont|do not|never) (?:have|had|made) (?:a |any )?plans?|(?:havent|have not|didnt|never) (?:made|thought about|planned) (?:a |any )?(?:plans?|how)|not (?:a|any) plan/,
  },
  {
    about: 'intent',
    pattern:
      /(?:would|will|could) never (?:actually )?(?:do|act|go through)|(?:wouldnt|wont|would not|will not) (?:actually )?(?:do anything|act on|go through)|no (?:intention|intent)|not going to (?:do anything|act on)|never act on/,
  },
  {
    about: 'means',
    pattern:
      /(?:dont|do not) have (?:a |any )?(?:guns?|firearms?|weapons?)|no (?:guns?|firearms?|weapons?)(?: in the house)?|(?:got rid of|locked up) (?:the )?(?:guns?|pills)/,
  },
  {
    about: 'self_harm',
    pattern:
      /(?:havent|have not|dont|do not|never) (?:hurt|cut|harmed?) myself|not (?:cutting|hurting myself)/,
  },
  {
    about: 'ideation',
    pattern:
      /(?:not|never been) suicidal|(?:dont|do not|never) (?:want|wanted) to (?:die|kill myself)|no (?:thoughts|thought) of (?:suicide|killing myself|hurting myself)/,
  },
];

/** A clinician question's topic, for reading a bare "no" or "yes" after it. */
export const QUESTION_TOPICS: { about: DenialTopic; pattern: RegExp }[] = [
  { about: 'plan', pattern: /\bplans?\b|how you would|thought about how/ },
  { about: 'intent', pattern: /act on|intend|intention|going to do/ },
  {
    about: 'means',
    pattern: /\bguns?\b|firearms?|weapons?|access to|pills at home|stockpil/,
  },
  {
    about: 'self_harm',
    pattern: /(?:hurt|harm|cut|cutting|burn) yourself|self harm/,
  },
  {
    about: 'ideation',
    pattern:
      /suicid|kill(?:ing)? yourself|end(?:ing)? your life|better off dead|wish you were dead/,
  },
];

/** Words that make a clinician question about suicide or self-harm. */
export const RISK_CONTEXT =
  /suicid|kill(?:ing)? yourself|end(?:ing)? your life|hurt(?:ing)? yourself|harm(?:ing)? yourself|better off dead|those thoughts|these thoughts|\bdie\b|\bguns?\b|firearms?/;

/** Negation shortly before a match turns it into a denial ("I don't want to kill myself"). */
export const NEGATORS =
  /\b(?:not|dont|never|no|wouldnt|wont|havent|didnt|isnt|arent)\b/;

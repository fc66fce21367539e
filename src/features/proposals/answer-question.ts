import type { QuestionTopic } from '../../i18n/proposal-draft.ts';

/** What a client's question to applicants is about, so the draft answers it with what it knows. */
export function questionTopic(q: string): QuestionTopic {
  if (/when can you start|availab|start date|how soon|何时开始|什么时候开始|多久能开始/i.test(q))
    return 'start';
  if (
    /how long|time ?frame|timeline|how many (?:hours|days|weeks)|deadline|turnaround|\beta\b|多久|多长时间|工期|几天/i.test(
      q,
    )
  )
    return 'duration';
  if (/\brate\b|price|cost|quote|charge|how much|budget|费用|报价|价格/i.test(q)) return 'price';
  if (/\btest/i.test(q) || /测试/.test(q)) return 'testing';
  if (
    /have you|experience|worked with|familiar|before\?|similar (?:project|work)|portfolio|examples? of|用过|经验|做过/i.test(
      q,
    )
  )
    return 'experience';
  if (/how would you|approach|\bplan\b|handle|architect|design|方法|思路|怎么做|如何实现/i.test(q))
    return 'approach';
  return 'other';
}

// What `compile` and `plan` do with a problem a lint rule owns (compiler/problem-ids.ts): the
// severity restorec.config.json gives the rule, or nothing when the spec suppresses it on that
// line, so the three commands agree on every problem and its code.
import { reportProblems } from './report.ts';
import type { ParseResult } from '../grammar/index.ts';
import type { OwnedSeverity } from '../compiler/problem-ids.ts';
import { ConfigError, configFor, findConfig, loadConfig, resolveRules, ruleIdOf, type Config } from '../lint/config.ts';
import { rules } from '../lint/registry.ts';
import { parseSuppressions, SuppressionIndex } from '../lint/suppressions.ts';
import { UserError } from './errors.ts';

/** The lint config `restorec lint` would use from this directory (a broken one is an error). */
export function lintConfig(cwd: string): Config {
  try {
    return loadConfig(findConfig(cwd), rules).config;
  } catch (e) {
    if (e instanceof ConfigError) {
      reportProblems(e.problems);
      throw new UserError(e.message);
    }
    throw e;
  }
}

export function ownedSeverity(config: Config, parsed: ParseResult): OwnedSeverity {
  // The settings for this spec: the config's `overrides` for its path applied, as lint does.
  const severity = new Map(resolveRules(configFor(config, parsed.source.name), rules).map((r) => [r.rule.id, r.severity]));
  const { suppressions } = parseSuppressions(parsed.document.comments, parsed.source);
  for (const s of suppressions) for (const r of s.rules) r.id = ruleIdOf(r.id, rules);
  const index = new SuppressionIndex(suppressions);
  return (ruleId, span) => {
    if (index.suppresses(ruleId, parsed.source.position(span.start).line)) return 'off';
    const s = severity.get(ruleId) ?? 'error';
    return s === 'warn' ? 'warning' : s;
  };
}

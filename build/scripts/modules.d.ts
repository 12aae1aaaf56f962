// Types for the two untyped packages the security scan uses.
declare module '@doyensec/electronegativity' {
  interface Level {
    name: string;
    value: number;
  }
  export interface Issue {
    id: string;
    severity: Level;
    confidence: Level;
    manualReview: boolean;
    file: string;
    location: { line: number; column: number };
    sample?: string;
    description: string;
  }
  export default function run(options: { input: string; electronVersionOverride?: string; isRelative?: boolean }): Promise<{ errors: { file: string; message: string }[]; issues: Issue[] }>;
}

declare module '@doyensec/csp-evaluator' {
  const csp: {
    CspParser: new (policy: string) => { csp: unknown };
    CspEvaluator: new (parsed: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
    Version: { CSP3: unknown };
    severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM' | 'HIGH_MAYBE' | 'STRICT_CSP' | 'MEDIUM_MAYBE' | 'INFO' | 'NONE', number>;
  };
  export default csp;
}

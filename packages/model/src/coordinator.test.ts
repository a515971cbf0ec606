import { describe, expect, it } from 'vitest';
import { coordinator } from './__fixtures__/dalian.js';
import { hasPassedExam, parseCoordinator, parseCoordinators } from './coordinator.js';

describe('parseCoordinator', () => {
  it('accepts a trained and examined coordinator (协管员)', () => {
    const r = parseCoordinator(coordinator);
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('rejects a score above the maximum (default 100)', () => {
    const r = parseCoordinator({
      ...coordinator,
      exams: [{ date: '2016-05-20', score: 101, passed: true }],
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'MODEL_EXAM_SCORE_ABOVE_MAX',
        path: ['exams', 0, 'score'],
        params: { maxScore: 100 },
      },
    ]);
  });

  it('warns when passed contradicts the pass mark, in both directions', () => {
    const r = parseCoordinator({
      ...coordinator,
      exams: [
        { date: '2016-05-20', score: 59, passMark: 60, passed: true },
        { date: '2016-06-20', score: 60, passMark: 60, passed: false },
        { date: '2016-07-20', score: 60, passMark: 60, passed: true },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['MODEL_EXAM_PASS_INCONSISTENT', 'warning', ['exams', 0, 'passed']],
      ['MODEL_EXAM_PASS_INCONSISTENT', 'warning', ['exams', 1, 'passed']],
    ]);
  });

  it('rejects bad training dates with a path', () => {
    const r = parseCoordinator({ ...coordinator, trainings: [{ date: '2016-13-01', topic: 'x' }] });
    expect(r.diagnostics).toMatchObject([
      { code: 'SCHEMA_INVALID_FORMAT', path: ['trainings', 0, 'date'] },
    ]);
  });

  it('tells whether an exam was passed by a date', () => {
    const c = parseCoordinator(coordinator);
    if (!c.ok) throw new Error('fixture');
    expect(hasPassedExam(c.value, '2016-05-19')).toBe(false);
    expect(hasPassedExam(c.value, '2016-05-20')).toBe(true);
  });

  it('parses lists', () => {
    expect(parseCoordinators([coordinator]).ok).toBe(true);
    expect(parseCoordinators('nope').diagnostics[0]?.code).toBe('SCHEMA_INVALID_TYPE');
  });
});

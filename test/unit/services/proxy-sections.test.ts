import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mixSections } from '../../../src/services/proxy-sections.js';

test('mixSections copies methods and accessors, bound to the target instance', () => {
  class A {
    declare base: number;
    double() {
      return this.base * 2;
    }
    get triple() {
      return this.base * 3;
    }
  }
  class B {
    declare base: number;
    plusOne() {
      return this.base + 1;
    }
  }
  class Target {
    base = 5;
  }
  mixSections(Target, [A, B]);
  const t = new Target() as Target & A & B;
  assert.equal(t.double(), 10, 'section A method sees the target instance');
  assert.equal(t.triple, 15, 'accessor copied');
  assert.equal(t.plusOne(), 6, 'section B method copied');
});

test('mixSections refuses a name defined twice', () => {
  class A {
    go() {
      return 1;
    }
  }
  class B {
    go() {
      return 2;
    }
  }
  class Target {}
  assert.throws(() => mixSections(Target, [A, B]), /Target\.go is defined twice \(again by section B\)/);
  class Own {
    go() {
      return 0;
    }
  }
  assert.throws(() => mixSections(Own, [A]), /Own\.go is defined twice/);
});

/*
 * Reference outputs of xoshiro128** 1.1 (David Blackman and Sebastiano Vigna,
 * 2018, public domain; https://prng.di.unimi.it/xoshiro128starstar.c — next()
 * below is that file's function), for the generator behind the permutation
 * tests (src/core/analysis/moran.ts).
 *
 * Run from the project root:
 *   cc -O2 -o /tmp/xoshiro128ss test/reference/analysis/xoshiro128ss_reference.c && /tmp/xoshiro128ss > test/reference/analysis/fixtures/xoshiro128ss.json
 */
#include <stdint.h>
#include <stdio.h>

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t s[4];

uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

int main(void) {
  static const uint32_t seeds[2][4] = { { 1u, 2u, 3u, 4u }, { 0x9e3779b9u, 0xdeadbeefu, 0x80000000u, 0xffffffffu } };
  printf("{\"cases\": [\n");
  for (int c = 0; c < 2; c++) {
    for (int k = 0; k < 4; k++) s[k] = seeds[c][k];
    printf("  {\"state\": [%u, %u, %u, %u], \"first\": [", seeds[c][0], seeds[c][1], seeds[c][2], seeds[c][3]);
    for (int i = 0; i < 10; i++) printf(i ? ", %u" : "%u", next());
    for (int i = 10; i < 999999; i++) next();
    printf("], \"millionth\": %u}%s\n", next(), c ? "" : ",");
  }
  printf("]}\n");
  return 0;
}

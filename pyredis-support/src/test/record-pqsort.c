/* Writes pqsort-redis-7.0.15.txt for PartialSortTest: build with Redis 7.0.15's src/pqsort.c and pqsort.h,
 *   gcc -O2 -o drv record-pqsort.c pqsort.c && ./drv > resources/pqsort-redis-7.0.15.txt
 * Each line: lrange rrange, the keys (tags are their positions), the tags pqsort left at ranks lrange..rrange. */
#include <stdio.h>
#include <stdlib.h>
#include "pqsort.h"
typedef struct { int key; int tag; } E;
static int cmp(const void *a, const void *b) { const E *x=a,*y=b; return x->key < y->key ? -1 : x->key > y->key; }
int main() {
  unsigned s = 7;
  for (int round = 0; round < 40; round++) {
    int n = 1 + (int)((s = s*1103515245u+12345u) >> 16) % 120;
    int kinds = round % 3 == 0 ? 3 : round % 3 == 1 ? 10 : 1000;
    E a[200];
    for (int i = 0; i < n; i++) { a[i].key = ((s = s*1103515245u+12345u) >> 16) % kinds; a[i].tag = i; }
    int l = ((s = s*1103515245u+12345u) >> 16) % n; int r = l + ((s = s*1103515245u+12345u) >> 16) % (n - l);
    printf("%d %d ", l, r);
    for (int i = 0; i < n; i++) printf("%s%d", i ? "," : "", a[i].key);
    pqsort(a, n, sizeof(E), cmp, l, r);
    printf(" ");
    for (int i = l; i <= r; i++) printf("%s%d", i > l ? "," : "", a[i].tag);
    printf("\n");
  }
}

// Which copies of an array loop the compiler emits. By default two: one for AVX2 (and, with
// `arch=x86-64-v3`, FMA and BMI), one for baseline x86-64, and the loader picks the one the CPU
// supports. Both must give the same bits, since a run's record in the store is shared between
// machines: `.ci/kernel-copies-test` builds with `-Xcc -DVM_BASELINE_ONLY`, which leaves only the
// baseline copy, and compares the records of the shipped suite with those of the default build.
#ifndef VM_KERNEL_COPIES_H
#define VM_KERNEL_COPIES_H

#if defined(VM_BASELINE_ONLY) || !defined(__x86_64__)
#define VM_AVX2_AND_BASELINE
#define VM_X86_64_V3_AND_BASELINE
#else
#define VM_AVX2_AND_BASELINE __attribute__((target_clones("avx2", "default")))
#define VM_X86_64_V3_AND_BASELINE __attribute__((target_clones("arch=x86-64-v3", "default")))
#endif

#endif

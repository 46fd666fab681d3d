// Which copies of an array loop the compiler emits. By default three: one for AVX-512 (x86-64-v4),
// one for AVX2 with FMA and BMI (x86-64-v3), one for baseline x86-64; the loader picks the best the
// CPU supports. All must give the same bits, since a run's record in the store is shared between
// machines: `.ci/kernel-copies-test` builds with `-Xcc -DVM_AVX2_AT_MOST` (no AVX-512 copy) and
// with `-Xcc -DVM_BASELINE_ONLY` (only the baseline copy), and compares the records of the shipped
// suite from the three builds.
#ifndef VM_KERNEL_COPIES_H
#define VM_KERNEL_COPIES_H

#if defined(VM_BASELINE_ONLY) || !defined(__x86_64__)
#define VM_KERNEL_COPIES
#elif defined(VM_AVX2_AT_MOST)
#define VM_KERNEL_COPIES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define VM_KERNEL_COPIES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif

#endif

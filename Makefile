# Data Embassy Portal — two commands: `make run` and `make test`.
# Tools (OPA, Chromium, PostgreSQL) are installed idempotently into ~/.cache/data-embassy or by apt-get.

SHELL := /bin/bash
CACHE ?= $(HOME)/.cache/data-embassy
OPA := $(CACHE)/bin/opa
MVN ?= mvn -B -ntp
JAR := target/data-embassy-portal-0.1.0-SNAPSHOT.jar
# A bounded heap keeps the idle portal near 650 MiB resident instead of growing towards a quarter of RAM.
JAVA_OPTS ?= -Xmx1g
SOURCES := $(shell find src/main bpmn policies frontend -type f 2>/dev/null) pom.xml

export OPA_BINARY := $(OPA)


.PHONY: bench run test tools policy-test java-test fuzz build clean postgres-start postgres-stop help

help:
	@echo "make run    - build if needed and start the portal on http://localhost:8080 (embedded default)"
	@echo "make test   - every test: Rego (fmt, check, test), Java unit, process, integration and browser tests"
	@echo "make tools  - install OPA, Chromium and PostgreSQL into the tool cache (run by the two above)"
	@echo "make fuzz   - Jazzer: fuzz the manifest and index parsers for FUZZ_TARGETS' maxDuration (30 s each; run by make test)"
	@echo "make bench  - benchmarks against their anchors (restic, openssl, disk); writes docs/benchmarks.md"

tools:
	@scripts/tools.sh opa
	@scripts/tools.sh browser
	@scripts/tools.sh postgres

$(OPA):
	@scripts/tools.sh opa

$(JAR): $(SOURCES)
	$(MVN) package -DskipTests

build: $(JAR)

run: $(OPA) $(JAR)
	java $(JAVA_OPTS) -jar $(JAR)

policy-test: $(OPA)
	$(OPA) fmt --fail --list policies
	$(OPA) check --strict policies
	mkdir -p target
	$(OPA) test --coverage --threshold 90 policies > target/opa-coverage.json || { $(OPA) test -v policies; exit 1; }
	$(OPA) test policies

java-test: tools
	@scripts/postgres.sh start >/dev/null
	DATAEMBASSY_TEST_PG_URL=$$(scripts/postgres.sh url) $(MVN) verify

test: tools
	@mkdir -p target
	$(MAKE) policy-test
	$(MAKE) java-test
	$(MAKE) fuzz

# Coverage-guided fuzzing (the seeds alone are replayed by every `mvn verify`). Jazzer fuzzes one target
# per JVM: each class below runs its one selected @FuzzTest in a fresh fork for the test's maxDuration
# (30 s); the two forks run side by side, one per core.
# New corpus entries go to target/jazzer/.cifuzz-corpus; a finding fails the run and is written there too.
FUZZ_TARGETS ?= ManifestFuzzTests\#manifestBody,IndexFuzzTests\#index
fuzz:
	JAZZER_FUZZ=1 $(MVN) resources:testResources compiler:compile compiler:testCompile surefire:test@fuzz \
		-Dfuzz.reuseForks=false -Dfuzz.forkCount=2 -Dtest='$(FUZZ_TARGETS)' -Dsurefire.failIfNoSpecifiedTests=false

bench: $(OPA)
	scripts/bench.sh

postgres-start:
	@scripts/postgres.sh start

postgres-stop:
	@scripts/postgres.sh stop

clean:
	rm -rf target

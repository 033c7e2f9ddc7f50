/// The pipelines `terbuka init` writes for the two hosts agencies use: GitHub Actions
/// and GitLab CI. On every push and merge request they install Terbuka from its release
/// archive (made by `scripts/package.sh`), run `terbuka check --format json` and turn the
/// report into the host's own annotations; on the default branch they build the site and
/// publish it to the host's Pages.
enum Pipelines {
    /// Where a pipeline finds the release archive: the address given to `init`, else the CI
    /// variable `TERBUKA_RELEASE_URL` the agency sets (Settings → Variables).
    static func releaseAddress(_ given: String?, github: Bool) -> String {
        if let given { return given }
        return github ? "${{ vars.TERBUKA_RELEASE_URL }}" : ""
    }

    /// The shell lines that download the archive, check its SHA-256 when one is set, unpack
    /// it into /tmp/terbuka and print the version.
    static let installScript = """
        : "${TERBUKA_RELEASE_URL:?set the CI variable TERBUKA_RELEASE_URL to the address of the Terbuka release archive (terbuka-VERSION-linux-x86_64.tar.gz, made by scripts/package.sh); see docs/panduan.md}"
        curl -fsSL "$TERBUKA_RELEASE_URL" -o /tmp/terbuka.tar.gz
        if [ -n "${TERBUKA_SHA256:-}" ]; then echo "$TERBUKA_SHA256  /tmp/terbuka.tar.gz" | sha256sum -c -; fi
        mkdir -p /tmp/terbuka
        tar -xzf /tmp/terbuka.tar.gz -C /tmp/terbuka --strip-components=1
        installed=$(/tmp/terbuka/terbuka --version)
        echo "Terbuka $installed"
        if [ "$installed" != "$TERBUKA_VERSION" ]; then echo "warning: the site was set up with Terbuka $TERBUKA_VERSION; change TERBUKA_VERSION when you have checked the site with $installed"; fi
        """

    /// Builds into public/, signing SHA256SUMS when the secret TERBUKA_SIGNING_KEY holds a
    /// private key (written to a file only readable by the job, for the build only).
    static let buildScript = """
        sign=""
        if [ -f "${TERBUKA_SIGNING_KEY:-}" ]; then
          # A GitLab variable of type File: its value is the path of the key.
          sign="--sign $TERBUKA_SIGNING_KEY"
        elif [ -n "${TERBUKA_SIGNING_KEY:-}" ]; then
          key="${RUNNER_TEMP:-/tmp}/terbuka-signing-key"
          trap 'rm -f "$key"' EXIT
          (umask 077 && printf '%s\\n' "$TERBUKA_SIGNING_KEY" > "$key")
          sign="--sign $key"
        fi
        SOURCE_DATE_EPOCH=$(date +%s) /tmp/terbuka/terbuka build --quiet --output public $sign
        """

    /// jq: each diagnostic of `check --format json` as a GitHub workflow command
    /// (`::error file=…,line=…,col=…,title=Terbuka T0203::message`), escaped as the runner
    /// requires; `text` is the message as the printed line has it, in the site's language.
    static let githubAnnotations = #"""
        def data: gsub("%"; "%25") | gsub("\r"; "%0D") | gsub("\n"; "%0A");
        def property: data | gsub(":"; "%3A") | gsub(","; "%2C");
        .diagnostics[] | "::\(.severity) file=\(.path | property),line=\(.line),col=\(.column),title=\("Terbuka \(.code)" | property)::\(.text | data)"
        """#

    /// jq: the report as a GitLab Code Quality report, shown on the merge request.
    static let gitlabCodeQuality = #"""
        [.diagnostics[] | {
          description: .text,
          check_name: .code,
          fingerprint: ("\(.path):\(.line):\(.column):\(.code)" | @base64),
          severity: (if .severity == "error" then "major" else "minor" end),
          location: {path: .path, lines: {begin: .line}}
        }]
        """#

    static func indent(_ text: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `M H * * *` in UTC for 00:05 in the site's zone, when the daily rebuild runs.
    static func dailyCron(_ zone: SiteTimeZone) -> String {
        let minutes = ((5 - zone.utcOffsetSeconds / 60) % 1440 + 1440) % 1440
        return "\(minutes % 60) \(minutes / 60) * * *"
    }

    static func github(version: String, releaseURL: String?, zone: SiteTimeZone) -> String {
        """
        # Terbuka: checks the content on every push and pull request, and on the default branch
        # builds the site and publishes it to GitHub Pages (Settings → Pages → Source: GitHub
        # Actions). Terbuka is installed from its release archive: set the repository variable
        # TERBUKA_RELEASE_URL (Settings → Secrets and variables → Actions → Variables) to its
        # address, and TERBUKA_SHA256 to its SHA-256 to have it checked. To sign what is published,
        # put the private key in the secret TERBUKA_SIGNING_KEY. See docs/panduan.md.
        name: terbuka
        on:
          push:
          pull_request:
          # Every day at 00:05 \(zone.abbreviation), so that schedules move from "open" to "closed" on time.
          schedule:
            - cron: "\(dailyCron(zone))"
          workflow_dispatch:
        permissions:
          contents: read
        env:
          TERBUKA_VERSION: \(quoted(version))
          TERBUKA_RELEASE_URL: \(quoted(releaseAddress(releaseURL, github: true)))
          TERBUKA_SHA256: ${{ vars.TERBUKA_SHA256 }}
        jobs:
          check:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Install Terbuka
                run: |
        \(indent(installScript, 10))
              - name: Check the content
                run: |
                  status=0
                  /tmp/terbuka/terbuka check --format json > terbuka-report.json || status=$?
                  jq -r -f .github/terbuka-annotations.jq terbuka-report.json
                  exit $status
          publish:
            needs: check
            # A scheduled run carries no repository in its event, and runs on the default branch.
            if: >-
              github.event_name == 'schedule' || (github.event_name != 'pull_request'
              && github.ref_name == github.event.repository.default_branch)
            runs-on: ubuntu-latest
            permissions:
              contents: read
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deploy.outputs.page_url }}
            concurrency:
              group: pages
              cancel-in-progress: false
            steps:
              - uses: actions/checkout@v4
              - name: Install Terbuka
                run: |
        \(indent(installScript, 10))
              - name: Build the site
                env:
                  TERBUKA_SIGNING_KEY: ${{ secrets.TERBUKA_SIGNING_KEY }}
                run: |
        \(indent(buildScript, 10))
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
              - id: deploy
                uses: actions/deploy-pages@v4

        """
    }

    static func gitlab(version: String, releaseURL: String?, zone: SiteTimeZone) -> String {
        let url = releaseURL.map { "  TERBUKA_RELEASE_URL: \(quoted($0))\n" } ?? ""
        return """
            # Terbuka: checks the content on every push and merge request (problems appear in the
            # merge request's Code Quality report), and on the default branch builds the site and
            # publishes it to GitLab Pages. Terbuka is installed from its release archive: set the
            # CI/CD variable TERBUKA_RELEASE_URL (Settings → CI/CD → Variables) to its address, and
            # TERBUKA_SHA256 to its SHA-256 to have it checked; to sign what is published, the private
            # key in a protected variable TERBUKA_SIGNING_KEY (of type File, or its text). A pipeline schedule (Build →
            # Pipeline schedules, cron "\(dailyCron(zone))" in UTC: every day at 00:05 \(zone.abbreviation)) keeps
            # schedules on time. See docs/panduan.md.
            variables:
              TERBUKA_VERSION: \(quoted(version))
            \(url)default:
              image: debian:bookworm-slim
              before_script:
                - apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates curl jq >/dev/null
                - |
            \(indent(installScript, 6))
            stages:
              - test
              - deploy
            check:
              stage: test
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                - if: $CI_COMMIT_BRANCH
              script:
                - status=0; /tmp/terbuka/terbuka check --format json > terbuka-report.json || status=$?
                - jq -f .gitlab/terbuka-code-quality.jq terbuka-report.json > gl-code-quality-report.json
                - exit $status
              artifacts:
                when: always
                reports:
                  codequality: gl-code-quality-report.json
            pages:
              stage: deploy
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
              script:
                - |
            \(indent(buildScript, 6))
              artifacts:
                paths:
                  - public

            """
    }

    /// Path → text of every file of the pipelines.
    static func files(version: String, releaseURL: String?, zone: SiteTimeZone) -> [(String, String)] {
        [
            (".github/workflows/terbuka.yml", github(version: version, releaseURL: releaseURL, zone: zone)),
            (".github/terbuka-annotations.jq", githubAnnotations + "\n"),
            (".gitlab-ci.yml", gitlab(version: version, releaseURL: releaseURL, zone: zone)),
            (".gitlab/terbuka-code-quality.jq", gitlabCodeQuality + "\n"),
        ]
    }
}

{{/* Names and labels. */}}
{{- define "memberhub.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "memberhub.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "memberhub.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: memberhub
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector labels of one component: include "memberhub.selectorLabels" (list . "platform") */}}
{{- define "memberhub.selectorLabels" -}}
{{- $ctx := index . 0 -}}
app.kubernetes.io/name: {{ include "memberhub.name" $ctx }}
app.kubernetes.io/instance: {{ $ctx.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "memberhub.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "memberhub.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The image of one of our services: include "memberhub.image" (list . "platform") */}}
{{- define "memberhub.image" -}}
{{- $ctx := index . 0 -}}
{{- printf "%s/%s:%s" $ctx.Values.image.repository (index . 1) (default $ctx.Chart.AppVersion $ctx.Values.image.tag) -}}
{{- end -}}

{{- define "memberhub.secretName" -}}
{{- default (printf "%s-secrets" (include "memberhub.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* An env entry read from the MemberHub Secret: include "memberhub.secretEnv" (list . "ENV_NAME" "secret-key") */}}
{{- define "memberhub.secretEnv" -}}
{{- $ctx := index . 0 -}}
- name: {{ index . 1 }}
  valueFrom:
    secretKeyRef:
      name: {{ include "memberhub.secretName" $ctx }}
      key: {{ index . 2 }}
{{- end -}}

{{/* Keycloak as pods reach it. */}}
{{- define "memberhub.keycloakUrl" -}}
{{- if .Values.keycloak.bundled.enabled -}}
{{- printf "http://%s-keycloak:%v" (include "memberhub.fullname" .) .Values.keycloak.bundled.service.port -}}
{{- else -}}
{{- required "keycloak.url is required when keycloak.bundled.enabled is false" .Values.keycloak.url | trimSuffix "/" -}}
{{- end -}}
{{- end -}}

{{/* Keycloak as browsers reach it: the issuer of the tokens. */}}
{{- define "memberhub.keycloakPublicUrl" -}}
{{- if .Values.keycloak.publicUrl -}}
{{- .Values.keycloak.publicUrl | trimSuffix "/" -}}
{{- else if and .Values.keycloak.bundled.enabled .Values.keycloak.bundled.ingress.enabled -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.keycloak.bundled.ingress.tls.enabled) .Values.keycloak.bundled.ingress.host -}}
{{- else if .Values.keycloak.bundled.enabled -}}
http://localhost:8180
{{- else -}}
{{- include "memberhub.keycloakUrl" . -}}
{{- end -}}
{{- end -}}

{{- define "memberhub.consolePublicUrl" -}}
{{- if .Values.console.publicUrl -}}
{{- .Values.console.publicUrl | trimSuffix "/" -}}
{{- else if .Values.console.ingress.enabled -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.console.ingress.tls.enabled) .Values.console.ingress.host -}}
{{- else -}}
http://localhost:8081
{{- end -}}
{{- end -}}

{{/* An Ingress for one service: include "memberhub.ingress" (list . "platform" .Values.platform.ingress port) */}}
{{- define "memberhub.ingress" -}}
{{- $ctx := index . 0 -}}
{{- $component := index . 1 -}}
{{- $ingress := index . 2 -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "memberhub.fullname" $ctx }}-{{ $component }}
  labels:
    {{- include "memberhub.labels" $ctx | nindent 4 }}
    {{- include "memberhub.selectorLabels" (list $ctx $component) | nindent 4 }}
  {{- with $ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if $ingress.tls.enabled }}
  tls:
    - hosts:
        - {{ $ingress.host | quote }}
      secretName: {{ required (printf "%s.ingress.tls.secretName is required with TLS" $component) $ingress.tls.secretName }}
  {{- end }}
  rules:
    - host: {{ $ingress.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "memberhub.fullname" $ctx }}-{{ $component }}
                port:
                  name: http
{{- end -}}

{{/* Pod security shared by our services: the image runs as user 185 with a read-only root. */}}
{{- define "memberhub.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
fsGroup: 185
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "memberhub.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Health probes on Quarkus SmallRye Health (quarkus-smallrye-health in both services' poms). */}}
{{- define "memberhub.probes" -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: 5
  failureThreshold: 60
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 10
  failureThreshold: 3
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 20
  failureThreshold: 3
{{- end -}}

{{/* Log format of our services: one JSON object per line (logging.json) or the human-readable lines. */}}
{{- define "memberhub.logProperties" }}
quarkus.log.console.json.enabled={{ .Values.logging.json }}
{{- end -}}

{{/* Pod annotations by which a Prometheus that discovers pods finds /q/metrics on the given container port. */}}
{{- define "memberhub.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/path: /q/metrics
prometheus.io/port: {{ . | quote }}
{{- end -}}

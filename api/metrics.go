package api

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/vetoscreen/veto/screen"
)

// Metrics are veto's Prometheus metrics: requests and their latency by
// route, queries screened and hits by regime, and, read at each scrape,
// the lists served: versions, entity counts, publication ages, and
// whether the demo dataset is served. A nil *Metrics records nothing.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	queries  *prometheus.CounterVec
	hits     *prometheus.CounterVec
	ignored  *prometheus.CounterVec
}

// NewMetrics registers veto's metrics, the Go runtime's and the
// process's, reading the lists' state from the keeper.
func NewMetrics(keeper *screen.Keeper) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "veto_http_requests_total", Help: "HTTP requests served, by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "veto_http_request_duration_seconds", Help: "Time to serve HTTP requests, by route pattern.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
		}, []string{"route"}),
		queries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "veto_screen_queries_total", Help: "Queries screened, by API (native or yente).",
		}, []string{"api"}),
		hits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "veto_screen_hits_total", Help: "Hits returned, by the sanctions regime of the hit's list.",
		}, []string{"regime"}),
		ignored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "veto_yente_ignored_properties_total", Help: "FollowTheMoney properties of /match queries veto does not screen on (ignored with a warning), by property.",
		}, []string{"property"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.queries, m.hits, m.ignored, listCollector{keeper},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Registry is where other parts (webhooks) register their metrics.
func (m *Metrics) Registry() prometheus.Registerer { return m.reg }

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// knownMethods are the methods counted by name; any other is "other".
// Labels are a fixed set: a label taken as the client sent it would let
// anyone add series (and memory) at will.
var knownMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

func methodLabel(m string) string {
	if slices.Contains(knownMethods, m) {
		return m
	}
	return "other"
}

// observeRequest counts a request. route is a pattern of the route table
// or "other"; status is one the server wrote.
func (m *Metrics) observeRequest(route, method string, status int, took time.Duration) {
	if m == nil {
		return
	}
	m.requests.WithLabelValues(route, methodLabel(method), strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(took.Seconds())
}

func (m *Metrics) observeScreen(api string, results []screen.Result) {
	if m == nil {
		return
	}
	m.queries.WithLabelValues(api).Add(float64(len(results)))
	for _, r := range results {
		for _, h := range r.Hits {
			for _, reg := range h.Regimes {
				m.hits.WithLabelValues(reg).Inc()
			}
		}
	}
}

// observeIgnored counts a query property screened without. property is
// one of ftmProperties: the label set is fixed.
func (m *Metrics) observeIgnored(property string) {
	if m == nil {
		return
	}
	m.ignored.WithLabelValues(property).Inc()
}

// listCollector reports the keeper's state at each scrape.
type listCollector struct{ keeper *screen.Keeper }

var (
	descListVersion   = prometheus.NewDesc("veto_list_version", "The active version ID of each list.", []string{"list", "publisher"}, nil)
	descListEntities  = prometheus.NewDesc("veto_list_entities", "Entities in the active version of each list.", []string{"list"}, nil)
	descListPublished = prometheus.NewDesc("veto_list_published_timestamp_seconds", "Publication time of the active version of each list.", []string{"list"}, nil)
	descListAge       = prometheus.NewDesc("veto_list_age_seconds", "Seconds since the active version of each list was published.", []string{"list"}, nil)
	descListFetched   = prometheus.NewDesc("veto_list_fetched_timestamp_seconds", "When the active version of each list was downloaded or read.", []string{"list"}, nil)
	descDemo          = prometheus.NewDesc("veto_data_demo", "1 when the demo dataset is served instead of the real lists.", nil, nil)
	descReady         = prometheus.NewDesc("veto_ready", "1 when an index is loaded and screening is possible.", nil, nil)
	descIndexEntities = prometheus.NewDesc("veto_index_entities", "Distinct entities in the index.", nil, nil)
	descIndexLoaded   = prometheus.NewDesc("veto_index_loaded_timestamp_seconds", "When the index was last built.", nil, nil)
	descRefreshLast   = prometheus.NewDesc("veto_refresh_last_timestamp_seconds", "When this process last tried to refresh the lists.", nil, nil)
	descRefreshFailed = prometheus.NewDesc("veto_refresh_last_failed", "1 when this process's last refresh failed.", nil, nil)
)

func (listCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descListVersion, descListEntities, descListPublished, descListAge, descListFetched,
		descDemo, descReady, descIndexEntities, descIndexLoaded, descRefreshLast, descRefreshFailed} {
		ch <- d
	}
}

func (c listCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.keeper.Status()
	now := time.Now()
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	for _, v := range st.Versions {
		gauge(descListVersion, float64(v.ID), v.List, v.Publisher)
		gauge(descListEntities, float64(v.EntityCount), v.List)
		if !v.Published.IsZero() {
			gauge(descListPublished, float64(v.Published.Unix()), v.List)
			gauge(descListAge, now.Sub(v.Published).Seconds(), v.List)
		}
		gauge(descListFetched, float64(v.FetchedAt.Unix()), v.List)
	}
	gauge(descDemo, b2f(st.Data == screen.DataDemo))
	gauge(descReady, b2f(st.Data != screen.DataNone))
	gauge(descIndexEntities, float64(st.Entities))
	if !st.LoadedAt.IsZero() {
		gauge(descIndexLoaded, float64(st.LoadedAt.Unix()))
	}
	if !st.LastRefresh.IsZero() {
		gauge(descRefreshLast, float64(st.LastRefresh.Unix()))
		gauge(descRefreshFailed, b2f(st.LastRefreshError != ""))
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Package notify delivers webhooks: a signed JSON notification of each new
// alert and each new list version to the URLs a bank configures, with
// retries and backoff, on goroutines of its own so that a slow or broken
// receiver never holds up screening.
//
// Each request is a POST of
//
//	{"id": "...", "event": "alert.created", "createdAt": "...", "data": {...}}
//
// with the headers Veto-Event, Veto-Delivery (the id, the same on every
// retry, for the receiver to drop duplicates) and
//
//	Veto-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">
//
// keyed with the webhook's secret: the receiver recomputes it, compares in
// constant time, and refuses old timestamps to stop replays (see Verify).
// The events are alert.created, alert.updated (an open alert took a
// listing that joined its subject) and list.version.
package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Webhook is one receiver.
type Webhook struct {
	URL    string
	Secret string
	// Events it receives; empty for all.
	Events []string
}

// Config tunes delivery.
type Config struct {
	// Attempts per notification (default 8) and the wait before the
	// second (default 1s, doubling to at most MaxBackoff, default 5m).
	Attempts   int
	Backoff    time.Duration
	MaxBackoff time.Duration
	// Timeout bounds one request (default 10s).
	Timeout time.Duration
	// Queue is how many notifications may wait per webhook (default
	// 10,000); beyond it new ones are dropped and counted, never waited
	// for.
	Queue int
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{Attempts: 8, Backoff: time.Second, MaxBackoff: 5 * time.Minute, Timeout: 10 * time.Second, Queue: 10000}
}

// Notifier sends notifications to webhooks.
type Notifier struct {
	cfg    Config
	hooks  []*hook
	client *http.Client
	log    *slog.Logger
	now    func() time.Time

	deliveries *prometheus.CounterVec
	queued     *prometheus.GaugeVec

	wg     sync.WaitGroup
	ctx    context.Context
	cancel context.CancelFunc
}

type hook struct {
	Webhook
	queue chan message
}

type message struct {
	ID        string          `json:"id"`
	Event     string          `json:"event"`
	CreatedAt time.Time       `json:"createdAt"`
	Data      json.RawMessage `json:"data"`
}

// New starts a Notifier delivering to hooks; reg, if not nil, gets its
// metrics: veto_webhook_deliveries_total{url,event,result} and
// veto_webhook_queued{url}.
func New(hooks []Webhook, cfg Config, reg prometheus.Registerer, log *slog.Logger) (*Notifier, error) {
	d := DefaultConfig()
	if cfg.Attempts <= 0 {
		cfg.Attempts = d.Attempts
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = d.Backoff
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = d.MaxBackoff
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = d.Timeout
	}
	if cfg.Queue <= 0 {
		cfg.Queue = d.Queue
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	n := &Notifier{cfg: cfg, client: &http.Client{Timeout: cfg.Timeout}, log: log, now: time.Now,
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "veto_webhook_deliveries_total",
			Help: "Webhook delivery attempts, by URL, event and result (ok, retry, failed: gave up, dropped: queue full)."}, []string{"url", "event", "result"}),
		queued: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "veto_webhook_queued",
			Help: "Notifications waiting for delivery, by webhook URL."}, []string{"url"}),
	}
	for _, w := range hooks {
		if !strings.HasPrefix(w.URL, "https://") && !strings.HasPrefix(w.URL, "http://") {
			return nil, fmt.Errorf("webhook %q: want an http:// or https:// URL", w.URL)
		}
		if len(w.Secret) < 16 {
			return nil, fmt.Errorf("webhook %s: the signing secret must be at least 16 characters", w.URL)
		}
		n.hooks = append(n.hooks, &hook{Webhook: w, queue: make(chan message, cfg.Queue)})
	}
	if reg != nil {
		if err := reg.Register(n.deliveries); err != nil {
			return nil, err
		}
		if err := reg.Register(n.queued); err != nil {
			return nil, err
		}
	}
	n.ctx, n.cancel = context.WithCancel(context.Background())
	for _, h := range n.hooks {
		n.wg.Add(1)
		go n.deliver(h)
	}
	return n, nil
}

// Notify queues an event for every webhook that wants it. It never
// blocks: when a webhook's queue is full the notification is dropped for
// it, logged and counted.
func (n *Notifier) Notify(event string, data any) {
	if n == nil || len(n.hooks) == 0 {
		return
	}
	body, err := json.Marshal(data)
	if err != nil {
		n.log.Error("webhook: cannot encode notification", "event", event, "err", err)
		return
	}
	var id [12]byte
	_, _ = rand.Read(id[:])
	msg := message{ID: hex.EncodeToString(id[:]), Event: event, CreatedAt: n.now().UTC(), Data: body}
	for _, h := range n.hooks {
		if len(h.Events) > 0 && !slices.Contains(h.Events, event) {
			continue
		}
		select {
		case h.queue <- msg:
			n.queued.WithLabelValues(h.URL).Inc()
		default:
			n.deliveries.WithLabelValues(h.URL, event, "dropped").Inc()
			n.log.Error("webhook: queue full, notification dropped", "url", h.URL, "event", event, "id", msg.ID)
		}
	}
}

// Close stops delivering, waiting up to ctx's deadline for the
// notifications in flight.
func (n *Notifier) Close(ctx context.Context) {
	if n == nil {
		return
	}
	for _, h := range n.hooks {
		close(h.queue)
	}
	done := make(chan struct{})
	go func() { n.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		n.cancel()
		<-done
	}
	n.cancel()
}

// deliver sends a webhook's notifications one at a time, in order.
func (n *Notifier) deliver(h *hook) {
	defer n.wg.Done()
	for msg := range h.queue {
		n.queued.WithLabelValues(h.URL).Dec()
		n.send(h, msg)
	}
}

// send delivers one notification, retrying with backoff.
func (n *Notifier) send(h *hook, msg message) {
	body, err := json.Marshal(msg)
	if err != nil {
		return
	}
	wait := n.cfg.Backoff
	for attempt := 1; ; attempt++ {
		err := n.post(h, msg, body)
		if err == nil {
			n.deliveries.WithLabelValues(h.URL, msg.Event, "ok").Inc()
			return
		}
		if attempt >= n.cfg.Attempts || n.ctx.Err() != nil {
			n.deliveries.WithLabelValues(h.URL, msg.Event, "failed").Inc()
			n.log.Error("webhook: delivery failed, giving up", "url", h.URL, "event", msg.Event, "id", msg.ID, "attempts", attempt, "err", err)
			return
		}
		n.deliveries.WithLabelValues(h.URL, msg.Event, "retry").Inc()
		n.log.Warn("webhook: delivery failed, will retry", "url", h.URL, "event", msg.Event, "id", msg.ID, "attempt", attempt, "in", wait, "err", err)
		select {
		case <-time.After(wait):
		case <-n.ctx.Done():
		}
		wait = min(wait*2, n.cfg.MaxBackoff)
	}
}

func (n *Notifier) post(h *hook, msg message, body []byte) error {
	req, err := http.NewRequestWithContext(n.ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "veto-webhook")
	req.Header.Set("Veto-Event", msg.Event)
	req.Header.Set("Veto-Delivery", msg.ID)
	req.Header.Set("Veto-Signature", Sign(h.Secret, n.now(), body))
	resp, err := n.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("receiver answered %s", resp.Status)
	}
	return nil
}

// Sign returns the Veto-Signature header value for a body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// Errors of Verify.
var (
	ErrSignature = errors.New("webhook signature does not match")
	ErrStale     = errors.New("webhook signature is too old")
)

// Verify checks a Veto-Signature header against the body, as a receiver
// does: the HMAC must match and the timestamp be within tolerance of now.
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return fmt.Errorf("%w: malformed header %q", ErrSignature, header)
	}
	if !hmac.Equal([]byte(sig), []byte(mac(secret, ts, body))) {
		return ErrSignature
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: signed %v ago", ErrStale, d.Round(time.Second))
	}
	return nil
}

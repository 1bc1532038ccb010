//! The threads that run the pipeline for the server and `verbatim ingest`: a fixed set,
//! one per core, each taking the next waiting article as soon as it is done with one.
//!
//! Tokio's blocking pool (`spawn_blocking` behind a semaphore of one slot per core, as
//! before session 16) handed each analysis to whichever of its idle threads woke first,
//! so an article ran on a thread whose caches — the CPU's, mimalloc's heap and the
//! tagger's known texts (`pipeline::ner`) — were cold, and a finished analysis gave its
//! slot to the next article only after a runtime worker had polled both tasks. Here a
//! thread keeps its warm caches and goes from one article to the next without a wake-up
//! in between: the analyses' CPU time in the ingest load test fell by about a quarter and
//! ingest went up ~13% (README "Performance", session 16).

use crate::pipeline::Pipeline;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc, Mutex};
use tokio::sync::oneshot;

/// One queued piece of work: runs on a pipeline thread with that thread's pipeline.
type Job = Box<dyn FnOnce(&Pipeline) + Send>;

/// Whoever queued a job, as the job sees them while it runs.
pub struct Caller<'a, T>(&'a oneshot::Sender<std::thread::Result<T>>);

impl<T> Caller<'_, T> {
    /// Whether the caller has stopped waiting (its future was dropped: a client that hung
    /// up, a request past its timeout). A job with effects beyond its answer (storing
    /// the article) checks this before them.
    pub fn is_gone(&self) -> bool {
        self.0.is_closed()
    }
}

/// Why a job gave no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// The job panicked (the thread carries on with the next one).
    #[error("the analysis panicked")]
    Panicked,
    /// No thread is left to run it.
    #[error("the pipeline threads have stopped")]
    Closed,
}

/// A handle to the pipeline threads; clones share them. The threads end once every
/// handle is dropped and the jobs already queued are done.
#[derive(Clone)]
pub struct PipelinePool {
    jobs: mpsc::Sender<Job>,
    threads: usize,
}

impl PipelinePool {
    /// Starts `threads` threads (at least one) sharing `pipeline`.
    pub fn new(pipeline: Arc<Pipeline>, threads: usize) -> std::io::Result<Self> {
        let threads = threads.max(1);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads {
            let (queue, pipeline) = (Arc::clone(&queue), Arc::clone(&pipeline));
            std::thread::Builder::new()
                .name(format!("pipeline-{n}"))
                .spawn(move || work(&queue, &pipeline))?;
        }
        Ok(PipelinePool { jobs, threads })
    }

    /// One thread per core (`std::thread::available_parallelism`): more would only take
    /// turns on the same cores, each with its own working set.
    pub fn per_core(pipeline: Arc<Pipeline>) -> std::io::Result<Self> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self::new(pipeline, cores)
    }

    /// How many threads run jobs.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Runs `job` on a pipeline thread, in the order jobs were queued, and answers with
    /// what it returns. A job whose caller has gone away (the future was dropped: a
    /// client that hung up) is skipped when its turn comes; one that has started can ask
    /// ([`Caller::is_gone`]).
    pub async fn run<T, F>(&self, job: F) -> Result<T, PoolError>
    where
        T: Send + 'static,
        F: FnOnce(&Pipeline, &Caller<'_, T>) -> T + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |pipeline| {
            if reply.is_closed() {
                return;
            }
            let answer = catch_unwind(AssertUnwindSafe(|| job(pipeline, &Caller(&reply))));
            let _ = reply.send(answer);
        });
        self.jobs.send(job).map_err(|_| PoolError::Closed)?;
        match answer.await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(_)) => Err(PoolError::Panicked),
            Err(_) => Err(PoolError::Closed),
        }
    }
}

/// A pipeline thread: the next job, until the queue is closed and empty.
fn work(queue: &Mutex<mpsc::Receiver<Job>>, pipeline: &Pipeline) {
    loop {
        // (the lock is held only while waiting for a job, never while running one)
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        match job {
            Ok(job) => job(pipeline),
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::ArticleInput;
    use std::future::Future;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Poll;
    use std::time::{Duration, Instant};

    fn pipeline() -> Arc<Pipeline> {
        static SHARED: std::sync::OnceLock<Arc<Pipeline>> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| Arc::new(Pipeline::load())).clone()
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    }

    /// Waits (at most 10 s) until `done` holds.
    fn wait_for(done: impl Fn() -> bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done() {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        true
    }

    /// Polls a `run` once, which queues its job; it must not be answered yet.
    async fn poll_once<F: Future>(run: &mut std::pin::Pin<Box<F>>) {
        std::future::poll_fn(|cx| {
            assert!(run.as_mut().poll(cx).is_pending());
            Poll::Ready(())
        })
        .await;
    }

    #[test]
    fn a_job_runs_the_pipeline_on_a_pipeline_thread_and_answers() {
        let pool = PipelinePool::new(pipeline(), 2).unwrap();
        let text = "“We will not be intimidated,” Jens Stoltenberg said on Tuesday.";
        let expected = pipeline().analyze(&ArticleInput::text(text));
        let (quotes, thread) = runtime()
            .block_on(pool.run(move |p, _| {
                let a = p.analyze(&ArticleInput::text(text));
                let name = std::thread::current().name().map(str::to_owned);
                (a.quotes, name)
            }))
            .unwrap();
        assert_eq!(quotes, expected.quotes);
        assert_eq!(quotes.len(), 1);
        assert!(thread.unwrap().starts_with("pipeline-"));
    }

    #[test]
    fn as_many_jobs_run_at_once_as_there_are_threads() {
        let threads = 3;
        let pool = PipelinePool::new(pipeline(), threads).unwrap();
        assert_eq!(pool.threads(), threads);
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let rt = runtime();
        let saw_all = rt.block_on(async {
            let mut tasks = Vec::new();
            for _ in 0..threads * 3 {
                let (pool, running, most) = (pool.clone(), running.clone(), most.clone());
                tasks.push(tokio::spawn(async move {
                    pool.run(move |_, _| {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        // (each job waits until `threads` run together: all of the first
                        // wave can only see that if they run at the same time)
                        let saw = wait_for(|| most.load(Ordering::SeqCst) >= threads);
                        running.fetch_sub(1, Ordering::SeqCst);
                        saw
                    })
                    .await
                }));
            }
            let mut all = true;
            for t in tasks {
                all &= t.await.unwrap().unwrap();
            }
            all
        });
        assert!(saw_all);
        assert_eq!(most.load(Ordering::SeqCst), threads);
    }

    #[test]
    fn a_panicking_job_is_an_error_and_the_thread_goes_on() {
        let pool = PipelinePool::new(pipeline(), 1).unwrap();
        let rt = runtime();
        let panicked = rt.block_on(pool.run(|_, _| -> usize { panic!("a job that panics") }));
        assert_eq!(panicked, Err(PoolError::Panicked));
        // (the one thread is still there)
        assert_eq!(rt.block_on(pool.run(|_, _| 7)), Ok(7));
    }

    #[test]
    fn a_job_whose_caller_is_gone_is_skipped() {
        let pool = PipelinePool::new(pipeline(), 1).unwrap();
        let rt = runtime();
        let (started, has_started) = std::sync::mpsc::channel::<()>();
        let (release, released) = std::sync::mpsc::channel::<()>();
        let ran = Arc::new(AtomicUsize::new(0));
        rt.block_on(async {
            // The one thread is kept busy until `release`...
            let p = pool.clone();
            let busy = tokio::spawn(async move {
                p.run(move |_, _| {
                    let _ = started.send(());
                    let _ = released.recv_timeout(Duration::from_secs(30));
                })
                .await
            });
            tokio::task::yield_now().await;
            has_started.recv_timeout(Duration::from_secs(10)).unwrap();
            // ...while a second job is queued (its future polled once) and given up.
            let ran2 = ran.clone();
            let mut abandoned = Box::pin(pool.run(move |_, _| {
                ran2.fetch_add(1, Ordering::SeqCst);
            }));
            poll_once(&mut abandoned).await;
            drop(abandoned);
            release.send(()).unwrap();
            busy.await.unwrap().unwrap();
        });
        // (a job queued after it runs, so its turn has passed)
        assert_eq!(rt.block_on(pool.run(|_, _| 1)), Ok(1));
        assert_eq!(ran.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_running_job_sees_its_caller_go() {
        let pool = PipelinePool::new(pipeline(), 1).unwrap();
        let rt = runtime();
        let (started, has_started) = std::sync::mpsc::channel::<()>();
        let (dropped, was_dropped) = std::sync::mpsc::channel::<()>();
        let (seen, saw) = std::sync::mpsc::channel::<(bool, bool)>();
        rt.block_on(async {
            let mut run = Box::pin(pool.run(move |_, caller| {
                let before = caller.is_gone();
                let _ = started.send(());
                let _ = was_dropped.recv_timeout(Duration::from_secs(10));
                let _ = seen.send((before, caller.is_gone()));
            }));
            poll_once(&mut run).await;
            has_started.recv_timeout(Duration::from_secs(10)).unwrap();
            drop(run);
            dropped.send(()).unwrap();
        });
        assert_eq!(saw.recv_timeout(Duration::from_secs(10)), Ok((false, true)));
    }

    #[test]
    fn the_threads_end_when_every_handle_is_gone() {
        // (a pipeline of its own: other tests' pools hold the shared one)
        let own = Arc::new(Pipeline::load());
        let pool = PipelinePool::new(own.clone(), 2).unwrap();
        assert_eq!(Arc::strong_count(&own), 3);
        let clone = pool.clone();
        drop(pool);
        assert_eq!(runtime().block_on(clone.run(|_, _| 3)), Ok(3));
        drop(clone);
        // (each thread drops its pipeline handle on the way out)
        assert!(wait_for(|| Arc::strong_count(&own) == 1));
    }
}

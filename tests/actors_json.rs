//! `Store::actors_json` (what `GET /actors` answers, written straight from the rows) is
//! byte for byte what `serde_json` writes for `Store::actors` (the views), for name
//! searches of every rank and the list by id, page after page.

mod common;

use verbatim::cli::seed_demo;
use verbatim::store::Cursor;

#[test]
fn actor_pages_as_json_are_the_views_serialised() {
    common::on_seeded_store(3_000, 300, 11, |store| async move {
        let mut names: Vec<Option<String>> = vec![None];
        for i in [0, 1, 2, 5, 9, 17, 60, 119, 250, 299] {
            let (full, _) = seed_demo::actor_name(i);
            let surname = seed_demo::surname_of(&full).to_owned();
            let mut typo = surname.clone();
            typo.insert(2, 'x');
            names.extend(
                [
                    full.clone(),
                    full.to_uppercase(),
                    surname.clone(),
                    typo,
                    surname[..surname.len().min(3)].to_owned(),
                    format!("{full}x"),
                ]
                .map(Some),
            );
        }
        names.extend(["a", "m", "zzzz", "   ", "Ünïcödé"].map(|s| Some(s.to_owned())));
        let mut pages = 0;
        for name in &names {
            for limit in [1, 3, 50] {
                let mut offset = 0;
                for _ in 0..4 {
                    let views = store.actors(name.as_deref(), limit, offset).await.unwrap();
                    let json = store
                        .actors_json(name.as_deref(), limit, offset)
                        .await
                        .unwrap();
                    assert_eq!(
                        String::from_utf8(json).unwrap(),
                        serde_json::to_string(&views).unwrap(),
                        "{name:?} limit {limit} offset {offset}"
                    );
                    pages += 1;
                    let Some(next) = views.next_cursor else {
                        break;
                    };
                    offset = Cursor::decode(&next).unwrap().offset().unwrap();
                }
            }
        }
        assert!(pages > 250, "{pages}");
        store.close().await;
    });
}
